package dev.bulwark.guard.config;

import java.net.URI;

/** How configuration values that may hold credentials appear in {@code toString()} (and so in logs). */
final class Masked {
    private Masked() {
    }

    /** Scheme, host and port only: user info, path and query may all carry secrets. */
    static String uri(URI uri) {
        if (uri == null) return "null";
        String host = uri.getHost() == null ? "?" : uri.getHost();
        return uri.getScheme() + "://" + (uri.getRawUserInfo() == null ? "" : "***@") + host
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "" : "/…");
    }
}
