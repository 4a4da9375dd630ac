package dev.bulwark.data.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.data.keys.KeyPurpose;
import dev.bulwark.data.keys.Keyset;
import dev.bulwark.data.table.DataInputException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileEncryptionTest {
    @TempDir
    Path dir;

    private final Path keyFile = Path.of("files.json");

    private Path bigFile() throws Exception {
        byte[] data = new byte[5 * 1024 * 1024 + 12_345]; // several 1 MB segments plus a partial one
        new Random(7).nextBytes(data);
        Path f = dir.resolve("model.bin");
        Files.write(f, data);
        return f;
    }

    @Test
    void roundTripOfAMultiMegabyteFile() throws Exception {
        Path plain = bigFile();
        FileEncryption fe = FileEncryption.of(Keyset.generate(KeyPurpose.FILES), keyFile);
        Path enc = dir.resolve("model.bin.enc");
        assertThat(fe.encrypt(plain, enc)).isEqualTo(Files.size(plain));
        assertThat(Files.size(enc)).isGreaterThan(Files.size(plain));
        Path back = dir.resolve("back.bin");
        fe.decrypt(enc, back);
        assertThat(Files.mismatch(plain, back)).isEqualTo(-1);
    }

    @Test
    void aFlippedByteOrTruncationIsRefusedAndNothingIsWritten() throws Exception {
        Path plain = bigFile();
        FileEncryption fe = FileEncryption.of(Keyset.generate(KeyPurpose.FILES), keyFile);
        Path enc = dir.resolve("model.bin.enc");
        fe.encrypt(plain, enc);
        try (var raf = new RandomAccessFile(enc.toFile(), "rw")) {
            long at = 3L * 1024 * 1024 + 17;
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x01);
        }
        Path back = dir.resolve("back.bin");
        assertThatThrownBy(() -> fe.decrypt(enc, back)).isInstanceOf(DataInputException.class)
                .hasMessageContaining("changed or truncated");
        assertThat(back).doesNotExist();
        try (var dirList = Files.list(dir)) {
            assertThat(dirList.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }

        Path enc2 = dir.resolve("b.enc");
        fe.encrypt(plain, enc2);
        try (var raf = new RandomAccessFile(enc2.toFile(), "rw")) {
            raf.setLength(raf.length() - 100);
        }
        assertThatThrownBy(() -> fe.decrypt(enc2, back)).isInstanceOf(DataInputException.class);
        assertThat(back).doesNotExist();
    }

    @Test
    void aWrongKeysetIsRefusedAndRotationStillDecryptsOldFiles() throws Exception {
        Path plain = dir.resolve("small.txt");
        Files.writeString(plain, "quarterly numbers");
        Keyset ks = Keyset.generate(KeyPurpose.FILES);
        Path enc = dir.resolve("small.enc");
        FileEncryption.of(ks, keyFile).encrypt(plain, enc);
        Path back = dir.resolve("back.txt");
        assertThatThrownBy(() -> FileEncryption.of(Keyset.generate(KeyPurpose.FILES), keyFile).decrypt(enc, back))
                .isInstanceOf(DataInputException.class).hasMessageContaining("wrong keyset");
        assertThat(back).doesNotExist();
        FileEncryption.of(ks.rotate(), keyFile).decrypt(enc, back);
        assertThat(back).hasContent("quarterly numbers");
        assertThatThrownBy(() -> FileEncryption.of(Keyset.generate(KeyPurpose.PSEUDONYMIZE), keyFile))
                .isInstanceOf(DataInputException.class).hasMessageContaining("--files");
    }
}
