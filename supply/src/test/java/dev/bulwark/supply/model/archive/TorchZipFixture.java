package dev.bulwark.supply.model.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a benign PyTorch-like zip checkpoint of a given size with stored (uncompressed) entries, as torch.save does:
 * a small data.pkl, a version file and raw float32 storages. Generated in Java (no torch); streamed, so any size fits
 * in little memory. Usage: {@code java … TorchZipFixture OUT.pt MiB}.
 */
public final class TorchZipFixture {
    /** A protocol-2 pickle of an empty OrderedDict-free state: {} (benign, no globals). */
    private static final byte[] DATA_PKL = {(byte) 0x80, 0x02, '}', 'q', 0x00, '.'};
    private static final int STORAGE = 16 << 20;

    private TorchZipFixture() {
    }

    public static Path write(Path out, long totalBytes) throws IOException {
        var random = new SplittableRandom(42);
        byte[] chunk = new byte[1 << 20];
        try (var zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(out), 1 << 16))) {
            zip.setMethod(ZipOutputStream.STORED);
            stored(zip, "archive/data.pkl", DATA_PKL);
            stored(zip, "archive/version", "3\n".getBytes());
            long written = 0;
            for (int i = 0; written < totalBytes; i++) {
                int size = (int) Math.min(STORAGE, totalBytes - written);
                // one pass for the CRC, one for the data: stored entries need both before the data
                var crc = new CRC32();
                long seed = random.nextLong();
                fill(seed, chunk, size, crc::update);
                var entry = new ZipEntry("archive/data/" + i);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(size);
                entry.setCompressedSize(size);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                fill(seed, chunk, size, zip::write);
                zip.closeEntry();
                written += size;
            }
        }
        return out;
    }

    private interface Sink {
        void accept(byte[] b, int off, int len) throws IOException;
    }

    private static void fill(long seed, byte[] chunk, int size, Sink sink) throws IOException {
        var r = new SplittableRandom(seed);
        for (int done = 0; done < size; done += chunk.length) {
            int n = Math.min(chunk.length, size - done);
            for (int i = 0; i + 4 <= n; i += 4) {
                int bits = Float.floatToIntBits((float) r.nextGaussian());
                chunk[i] = (byte) bits;
                chunk[i + 1] = (byte) (bits >>> 8);
                chunk[i + 2] = (byte) (bits >>> 16);
                chunk[i + 3] = (byte) (bits >>> 24);
            }
            sink.accept(chunk, 0, n);
        }
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        var crc = new CRC32();
        crc.update(data);
        var entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Long.parseLong(args[1]) << 20);
    }
}
