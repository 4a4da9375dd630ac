package dev.bulwark.guard.config;

import java.net.URI;

/** Where alerts go besides the log: a webhook receiving one JSON POST per alert, or null. */
public record AlertsConfig(URI webhook) {
    /** A webhook URL often carries its token in the path or query: only scheme and host are printed. */
    @Override
    public String toString() {
        return "AlertsConfig[webhook=" + Masked.uri(webhook) + "]";
    }
}
