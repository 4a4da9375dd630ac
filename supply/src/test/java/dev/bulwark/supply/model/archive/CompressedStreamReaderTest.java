package dev.bulwark.supply.model.archive;

import static dev.bulwark.supply.model.Scans.dangerous;
import static dev.bulwark.supply.model.Scans.notVerified;
import static dev.bulwark.supply.model.Scans.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.supply.model.MarkerReader;
import dev.bulwark.supply.model.ScannedFile;
import dev.bulwark.supply.model.Scans;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.LZMAOutputStream;
import org.tukaani.xz.XZOutputStream;

class CompressedStreamReaderTest {
    private static final byte[] EVIL = MarkerReader.payload("builtins.exec");

    @TempDir
    Path dir;

    interface Compressor {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    static byte[] compress(byte[] data, Compressor c) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (OutputStream out = c.wrap(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    @Test
    void everyJoblibCompressorIsSeenThrough() throws IOException {
        assertFound("model.pkl.gz", compress(EVIL, GZIPOutputStream::new), "gzip", "model.pkl");
        assertFound("model.pkl.bz2", compress(EVIL, BZip2CompressorOutputStream::new), "bzip2", "model.pkl");
        assertFound("model.pkl.xz", compress(EVIL, o -> new XZOutputStream(o, new LZMA2Options())), "xz", "model.pkl");
        assertFound("model.pkl.lzma", compress(EVIL, o -> new LZMAOutputStream(o, new LZMA2Options(), -1)), "lzma",
                "model.pkl");
        assertFound("model.joblib", compress(EVIL, DeflaterOutputStream::new), "zlib", "model.joblib");
        assertFound("model.pkl.lz4", compress(EVIL, LZ4FrameOutputStream::new), "lz4", "model.pkl");
    }

    @Test
    void oldJoblibZfilesAreSeenThrough() throws IOException {
        var zfile = new ByteArrayOutputStream();
        zfile.writeBytes("ZF".getBytes(StandardCharsets.US_ASCII));
        zfile.writeBytes(String.format("%-19s", "0x" + Integer.toHexString(EVIL.length)).getBytes(StandardCharsets.US_ASCII));
        zfile.writeBytes(compress(EVIL, DeflaterOutputStream::new));
        assertFound("model_01.npy.z", zfile.toByteArray(), "joblib-zfile", "model_01.npy");
    }

    @Test
    void aDecompressionBombIsRefusedQuickly() throws IOException {
        // 256 MiB of zeros deflate about 1000:1; the ratio guard stops it long before the end
        byte[] zeros = new byte[1 << 20];
        var bytes = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            out.write(EVIL);
            for (int i = 0; i < 256; i++) out.write(zeros);
        }
        ScannedFile f = scan(dir, "bomb.pkl.gz", bytes.toByteArray());
        assertThat(notVerified(f)).anySatisfy(i -> assertThat(i.detail()).contains("decompression bomb"));
    }

    @Test
    void theExpandedBytesBudgetIsSharedAndEnforced() throws IOException {
        var random = new java.util.Random(7);
        byte[] noise = new byte[4 << 20];
        random.nextBytes(noise);
        byte[] gz = compress(concat(EVIL, noise), GZIPOutputStream::new);
        ScannedFile f = Scans.scan(dir, "big.pkl.gz", gz, Scans.withBudget(1 << 20));
        assertThat(notVerified(f)).anySatisfy(i -> assertThat(i.detail()).contains("scan budget"));
    }

    @Test
    void unrecognisedContentInsideACompressedModelIsNotVerified() throws IOException {
        ScannedFile f = scan(dir, "weights.pkl.gz", compress("plain text".getBytes(StandardCharsets.US_ASCII),
                GZIPOutputStream::new));
        assertThat(notVerified(f)).singleElement().satisfies(i -> assertThat(i.entry()).isEqualTo("weights.pkl"));
    }

    @Test
    void aTruncatedStreamIsNotVerified() throws IOException {
        byte[] gz = compress(concat(EVIL, new byte[100_000]), GZIPOutputStream::new);
        byte[] cut = java.util.Arrays.copyOf(gz, gz.length / 2);
        assertThat(notVerified(scan(dir, "cut.pkl.gz", cut))).isNotEmpty();
    }

    private void assertFound(String name, byte[] bytes, String format, String member) {
        ScannedFile f = scan(dir, name, bytes);
        assertThat(f.formats()).as(name).contains(format, "marker");
        assertThat(dangerous(f)).as(name).containsExactly(member + "#builtins.exec");
        assertThat(notVerified(f)).as(name).isEmpty();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
