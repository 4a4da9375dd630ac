package dev.bulwark.core.config;

/** Field paths as users read them in error messages: {@code rules.allowedHosts[0]}, {@code targets[1].url}. */
public final class FieldPath {
    public static final String ROOT = "";

    private FieldPath() {
    }

    public static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    public static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    /** The enclosing path; the root's parent is the root. */
    public static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? ROOT : path.substring(0, cut);
    }

    /** How a path is shown in a message: the root is the whole document. */
    public static String display(String path) {
        return path.isEmpty() ? "(document)" : path;
    }
}
