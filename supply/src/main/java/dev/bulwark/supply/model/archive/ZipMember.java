package dev.bulwark.supply.model.archive;

/**
 * One member of a zip, located: where its data starts and how many compressed bytes it has.
 *
 * @param name         the entry name (from the central directory, else the local header)
 * @param flags        general-purpose bit flags (bit 0: encrypted, bit 3: data descriptor)
 * @param method       compression method (0 stored, 8 deflate, …)
 * @param headerOffset where its local file header starts in the file
 * @param dataOffset   where its (compressed) data starts
 * @param compressed   compressed size
 * @param size         uncompressed size as recorded
 */
record ZipMember(String name, int flags, int method, long headerOffset, long dataOffset, long compressed,
                 long size) {
    static final int STORED = 0;
    static final int DEFLATED = 8;
    static final int AES = 99;
    /** Traditional PKWARE encryption prefixes the data with a 12-byte header. */
    static final int PKWARE_HEADER = 12;

    boolean encryptedFlag() {
        return (flags & 1) != 0;
    }

    boolean directory() {
        return name.endsWith("/") && size == 0;
    }

    /**
     * Really encrypted, not merely flagged: AES, or stored data exactly one PKWARE header longer than recorded. A flag
     * on plain data (the picklescan bypasses CVE-2025-1944/1945) is not encryption: loaders read such members.
     */
    boolean reallyEncrypted() {
        if (!encryptedFlag()) return false;
        return method == AES || (method == STORED && compressed == size + PKWARE_HEADER);
    }
}
