package dev.bulwark.core.scope;

/** Field paths as users read them in error messages: {@code rules.allowedHosts[0]}, {@code targets[1].url}. */
final class FieldPath {
    static final String ROOT = "";

    private FieldPath() {
    }

    static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    /** The enclosing path; the root's parent is the root. */
    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? ROOT : path.substring(0, cut);
    }

    /** How a path is shown in a message: the root is the whole document. */
    static String display(String path) {
        return path.isEmpty() ? "(document)" : path;
    }
}
