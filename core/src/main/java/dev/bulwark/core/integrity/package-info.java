/**
 * File integrity with the JDK's own Ed25519 (no extra provider): key pairs as PEM ({@link Ed25519Keys}) and the
 * {@code FILE.sig.json} sidecar that binds a file's name, size and SHA-256 to a signature ({@link SignedFile}), so
 * model and data files can be checked before they are loaded.
 */
package dev.bulwark.core.integrity;
