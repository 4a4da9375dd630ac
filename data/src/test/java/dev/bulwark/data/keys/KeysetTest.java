package dev.bulwark.data.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.data.table.DataInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysetTest {
    @TempDir
    Path dir;

    @Test
    void writtenKeysetReadsBackOwnerOnlyAndIsNeverOverwritten() throws Exception {
        Path file = dir.resolve("k.json");
        Keyset ks = Keyset.generate(KeyPurpose.PSEUDONYMIZE);
        ks.write(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Keyset back = Keyset.read(file);
        assertThat(back.id()).isEqualTo(ks.id()).startsWith("ks_");
        assertThat(back.keyIds()).isEqualTo(ks.keyIds()).containsOnlyKeys("token", "derive");
        assertThat(back.toString()).doesNotContain("value");
        String before = Files.readString(file);
        assertThatThrownBy(() -> Keyset.generate(KeyPurpose.PSEUDONYMIZE).write(file))
                .isInstanceOf(DataInputException.class).hasMessageContaining("refusing to overwrite");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void rotateAddsANewPrimaryToEveryPartAndKeepsTheOldKeys() {
        Path file = dir.resolve("k.json");
        Keyset ks = Keyset.generate(KeyPurpose.PSEUDONYMIZE);
        ks.write(file);
        Keyset rotated = Keyset.read(file).rotate();
        rotated.overwrite(file);
        Keyset back = Keyset.read(file);
        assertThat(back.id()).isEqualTo(ks.id());
        for (String part : new String[]{"token", "derive"}) {
            assertThat(back.keyIds().get(part)).hasSize(2).startsWith(ks.primaryIds().get(part));
            assertThat(back.primaryIds().get(part)).isNotEqualTo(ks.primaryIds().get(part));
        }
        assertThat(back.describe()).contains(ks.id()).contains("*");
    }

    @Test
    void destroyOverwritesAndDeletesAndSaysWhichKeysWent() {
        Path file = dir.resolve("k.json");
        Keyset ks = Keyset.generate(KeyPurpose.FILES);
        ks.write(file);
        Keyset gone = Keyset.destroy(file);
        assertThat(gone.id()).isEqualTo(ks.id());
        assertThat(file).doesNotExist();
        assertThatThrownBy(() -> Keyset.read(file)).isInstanceOf(DataInputException.class)
                .hasMessageContaining("no such file").hasMessageContaining("destroyed");
    }

    @Test
    void destroyRefusesAFileThatIsNotAKeyset() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "my notes");
        assertThatThrownBy(() -> Keyset.destroy(file)).isInstanceOf(DataInputException.class)
                .hasMessageContaining("not a Bulwark keyset");
        assertThat(file).hasContent("my notes");
    }

    @Test
    void purposeIsChecked() {
        Keyset ks = Keyset.generate(KeyPurpose.PSEUDONYMIZE);
        assertThatThrownBy(() -> ks.require(KeyPurpose.FILES, Path.of("k.json")))
                .isInstanceOf(DataInputException.class).hasMessageContaining("--files");
    }
}
