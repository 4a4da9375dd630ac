package dev.bulwark.core;

/**
 * Where a finding was observed. Every field is optional: a URL for live targets, a path (and archive entry,
 * byte offset) for files, a line and column for datasets and configs.
 */
public record Location(String url, String path, String entry, Long offset, Integer line, String column) {
    public static Location ofUrl(String url) {
        return new Location(url, null, null, null, null, null);
    }

    public static Location ofPath(String path) {
        return new Location(null, path, null, null, null, null);
    }

    public static Location none() {
        return new Location(null, null, null, null, null, null);
    }
}
