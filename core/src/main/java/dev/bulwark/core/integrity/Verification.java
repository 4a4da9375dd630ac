package dev.bulwark.core.integrity;

/**
 * The outcome of checking a file against its {@link SignedFile} sidecar. Only {@link Status#VERIFIED} means the
 * file is the one the key holder signed.
 */
public record Verification(Status status, String message) {

    public enum Status {
        /** Name, size and SHA-256 match the sidecar and the signature verifies with the trusted key. */
        VERIFIED,
        /** No {@code FILE.sig.json} next to the file. */
        UNSIGNED,
        /** The sidecar signs another file name (a sidecar copied or swapped onto this file). */
        NAME_MISMATCH,
        /** The file's size or SHA-256 differs from what was signed: the file changed after signing. */
        CONTENT_MISMATCH,
        /** The sidecar was signed by another key than the trusted one. */
        WRONG_KEY,
        /** The signature does not verify: the sidecar was edited or forged. */
        BAD_SIGNATURE
    }

    public boolean verified() {
        return status == Status.VERIFIED;
    }
}
