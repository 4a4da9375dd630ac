package dev.bulwark.supply.deps.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a manifest as UTF-8 text, refusing files over the size limit (checked while reading, not only up front). */
final class ManifestText {
    private ManifestText() {
    }

    static String read(Path file, ManifestLimits limits) throws IOException, ManifestException {
        if (!Files.isRegularFile(file)) throw new ManifestException(file, 0, "", "not a regular file");
        long max = limits.maxFileBytes();
        if (Files.size(file) > max) {
            throw new ManifestException(file, 0, "", "larger than the " + max + "-byte limit for manifests");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1));
        }
        if (bytes.length > max) throw new ManifestException(file, 0, "", "larger than the " + max + "-byte limit for manifests");
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new ManifestException(file, 0, "", "not UTF-8 text", e);
        }
    }
}
