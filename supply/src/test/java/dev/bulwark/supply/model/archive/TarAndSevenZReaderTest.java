package dev.bulwark.supply.model.archive;

import static dev.bulwark.supply.model.Scans.dangerous;
import static dev.bulwark.supply.model.Scans.notVerified;
import static dev.bulwark.supply.model.Scans.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.supply.model.MarkerReader;
import dev.bulwark.supply.model.ScannedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarAndSevenZReaderTest {
    @TempDir
    Path dir;

    static byte[] tar(String[] names, byte[][] contents) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(bytes)) {
            for (int i = 0; i < names.length; i++) {
                var e = new TarArchiveEntry(names[i]);
                e.setSize(contents[i].length);
                tar.putArchiveEntry(e);
                tar.write(contents[i]);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void legacyPytorchTarMembersAreScanned() throws IOException {
        byte[] t = tar(new String[] {"sys_info", "pickle", "storages", "tensors"},
                new byte[][] {"x".getBytes(), MarkerReader.payload("posix.system"), new byte[64], new byte[16]});
        ScannedFile f = scan(dir, "legacy.pt", t);
        assertThat(f.formats()).contains("tar");
        assertThat(dangerous(f)).containsExactly("pickle#posix.system");
    }

    @Test
    void aGzippedTarIsTwoLayers() throws IOException {
        byte[] t = tar(new String[] {"m/model.pkl"}, new byte[][] {MarkerReader.payload("builtins.eval")});
        var gz = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gz)) {
            out.write(t);
        }
        assertThat(dangerous(scan(dir, "bundle.tar.gz", gz.toByteArray())))
                .containsExactly("bundle.tar!/m/model.pkl#builtins.eval");
    }

    @Test
    void sevenZMembersAreSpilledAndScanned() throws IOException {
        Path archive = dir.resolve("m.7z");
        try (var out = new SevenZOutputFile(archive.toFile())) {
            for (String name : new String[] {"readme.txt", "data.pkl"}) {
                SevenZArchiveEntry e = out.createArchiveEntry(dir.toFile(), name);
                out.putArchiveEntry(e);
                out.write(name.equals("data.pkl") ? MarkerReader.payload("builtins.eval") : "hello".getBytes());
                out.closeArchiveEntry();
            }
        }
        ScannedFile f = scan(dir, "copy.7z", Files.readAllBytes(archive));
        assertThat(f.formats()).contains("7z");
        assertThat(dangerous(f)).containsExactly("data.pkl#builtins.eval");
        assertThat(notVerified(f)).isEmpty();
    }

    @Test
    void aTarHeaderClaimingATerabyteIsNotVerified() throws IOException {
        byte[] t = tar(new String[] {"data.pkl"}, new byte[][] {MarkerReader.payload("builtins.eval")});
        // size field (octal, offset 124, 12 bytes): 17777777777 octal is 2 GiB; use the GNU base-256 form for 1 TiB
        byte[] size = new byte[12];
        size[0] = (byte) 0x80;
        size[7] = 0x01; // 1 << 40 = 1 TiB (big-endian, in the last 8 bytes)
        System.arraycopy(size, 0, t, 124, 12);
        fixChecksum(t);
        ScannedFile f = scan(dir, "tera.tar", t);
        assertThat(notVerified(f)).isNotEmpty();
    }

    private static void fixChecksum(byte[] header) {
        long sum = 0;
        for (int i = 0; i < 512; i++) sum += (i >= 148 && i < 156) ? ' ' : header[i] & 0xFF;
        byte[] field = String.format("%06o\0 ", sum).getBytes();
        System.arraycopy(field, 0, header, 148, 8);
    }
}
