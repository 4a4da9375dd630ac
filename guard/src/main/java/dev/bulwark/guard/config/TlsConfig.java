package dev.bulwark.guard.config;

import java.nio.file.Path;

/** PEM certificate chain and private key for the listener. */
public record TlsConfig(Path certificate, Path privateKey) {
}
