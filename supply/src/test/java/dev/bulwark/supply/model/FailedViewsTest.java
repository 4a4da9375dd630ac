package dev.bulwark.supply.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file several readers recognise: a view that cannot be parsed is dropped when another view reads it cleanly. */
class FailedViewsTest {
    @TempDir
    Path dir;

    /** A valid safetensors file whose 8-byte header length starts with 0x58, the pickle opcode BINUNICODE. */
    private static byte[] safetensorsThatLooksLikeAPickle() {
        var json = new StringBuilder("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}");
        while (json.length() < 0x58) json.append(' ');
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x58, 0, 0, 0, 0, 0, 0, 0});
        out.writeBytes(json.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[8]);
        return out.toByteArray();
    }

    @Test
    void aBenignSafetensorsIsNotReportedAsAnUnverifiablePickle() throws Exception {
        Path file = dir.resolve("model.safetensors");
        Files.write(file, safetensorsThatLooksLikeAPickle());
        ScannedFile scanned = ModelScanner.standard().scanFile(file);
        assertThat(scanned.issues()).isEmpty();
        assertThat(scanned.formats()).containsExactly("safetensors");
    }

    @Test
    void aViewThatFailsEverywhereIsStillReported() throws Exception {
        Path file = dir.resolve("model.safetensors");
        byte[] bytes = safetensorsThatLooksLikeAPickle();
        Files.write(file, java.util.Arrays.copyOf(bytes, 40)); // truncated: neither view can read it
        ScannedFile scanned = ModelScanner.standard().scanFile(file);
        assertThat(scanned.issues()).anyMatch(i -> i.kind() == IssueKind.NOT_VERIFIED);
    }
}
