package dev.bulwark.guard.config;

import java.net.URI;

/** Where alerts go besides the log: a webhook receiving one JSON POST per alert, or null. */
public record AlertsConfig(URI webhook) {
}
