package dev.bulwark.detect.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {
    @TempDir
    Path dir;

    @Test
    void aWrittenKeyReadsBackAndIsOwnerOnly() throws IOException {
        Path file = dir.resolve("redaction.key");
        RedactionKey.generate().write(file);
        assertThat(Files.readString(file)).contains(RedactionKey.HEADER);
        assertThat(RedactionKey.read(file)).isNotNull();
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws IOException {
        Path file = Files.writeString(dir.resolve("k"), "precious");
        assertThatThrownBy(() -> RedactionKey.generate().write(file)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> EncryptionKeyset.generate().write(file)).isInstanceOf(KeyFileException.class);
        assertThat(Files.readString(file)).isEqualTo("precious");
    }

    @Test
    void badKeyFilesNameTheFileAndTheProblem() throws IOException {
        assertBad(dir.resolve("missing"), "no such file");
        assertBad(write("empty", ""), "has no 'bulwark-redaction-key v1");
        assertBad(write("junk", "hello world\n"), "expected '#' comments and one line");
        assertBad(write("b64", RedactionKey.HEADER + " not*base64!\n"), "not valid base64");
        assertBad(write("short", RedactionKey.HEADER + " " + Base64.getEncoder().encodeToString(new byte[16])),
                "16 bytes; expected 32");
        assertBad(write("json", "{\"primaryKeyId\": 1}"), "is JSON");
        assertBad(write("big", "#".repeat(5000)), "larger than");
        assertBad(dir, "is a folder");
    }

    @Test
    void badKeysetFilesNameTheFileAndTheProblemWithoutQuotingIt() throws IOException {
        Path bulwarkKey = dir.resolve("bulwark.key");
        RedactionKey.generate().write(bulwarkKey);
        assertThatThrownBy(() -> EncryptionKeyset.read(bulwarkKey)).hasMessageContaining("is a bulwark redaction key");
        Path garbage = write("keyset.json", "{\"key\": \"SECRET-MATERIAL-123\"");
        assertThatThrownBy(() -> EncryptionKeyset.read(garbage)).isInstanceOf(KeyFileException.class)
                .hasMessageStartingWith(garbage.toString()).hasMessageContaining("not a valid Tink JSON keyset")
                .hasMessageNotContaining("SECRET-MATERIAL");
        assertThatThrownBy(() -> EncryptionKeyset.read(dir.resolve("nope.json"))).hasMessageContaining("no such file");
    }

    @Test
    void aKeysetOfAnotherPrimitiveIsRefused() throws Exception {
        com.google.crypto.tink.aead.AeadConfig.register();
        var aeadKeyset = com.google.crypto.tink.KeysetHandle.generateNew(
                com.google.crypto.tink.aead.PredefinedAeadParameters.AES128_GCM);
        Path file = write("aead.json", com.google.crypto.tink.TinkJsonProtoKeysetFormat.serializeKeyset(
                aeadKeyset, com.google.crypto.tink.InsecureSecretKeyAccess.get()));
        assertThatThrownBy(() -> EncryptionKeyset.read(file)).hasMessageContaining("no deterministic AEAD");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static void assertBad(Path file, String problem) {
        assertThatThrownBy(() -> RedactionKey.read(file)).isInstanceOf(KeyFileException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining(problem);
    }
}
