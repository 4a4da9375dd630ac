package dev.bulwark.guard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.guard.config.AuditConfig;
import dev.bulwark.guard.config.AuditConfig.TextMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditKeysAndTextTest {
    @TempDir
    Path dir;

    @Test
    void a_missing_key_is_created_private_with_its_public_key_beside_it() throws IOException {
        Path key = dir.resolve("keys/audit-signing.pem");
        AuditKeys created = AuditKeys.loadOrCreate(key);
        assertThat(Files.getPosixFilePermissions(key))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        Path pub = dir.resolve("keys/audit-signing.pem.pub");
        assertThat(Files.readString(pub)).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(AuditKeys.keyId(AuditKeys.readPublicKey(pub))).isEqualTo(created.keyId());

        AuditKeys again = AuditKeys.loadOrCreate(key);
        assertThat(again.keyId()).isEqualTo(created.keyId());
        assertThat(again.toString()).isEqualTo("AuditKeys[" + created.keyId() + "]");
        byte[] data = "x".getBytes();
        assertThat(AuditKeys.verify(created.publicKey(), data, again.sign(data))).isTrue();
    }

    @Test
    void a_public_key_that_does_not_match_is_refused() throws IOException {
        Path a = dir.resolve("a.pem");
        AuditKeys.loadOrCreate(a);
        AuditKeys.loadOrCreate(dir.resolve("b.pem"));
        Files.copy(dir.resolve("b.pem.pub"), dir.resolve("a.pem.pub"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> AuditKeys.loadOrCreate(a)).isInstanceOf(AuditStoreException.class)
                .hasMessageContaining("is not the public key");
        Files.delete(dir.resolve("a.pem.pub"));
        assertThatThrownBy(() -> AuditKeys.loadOrCreate(a)).isInstanceOf(AuditStoreException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void hash_mode_correlates_equal_texts_without_keeping_them() throws IOException {
        var config = new AuditConfig(dir.resolve("audit.jsonl"), null, null, 100, TextMode.HASH, "gw");
        AuditText text = AuditText.of(config);
        String a = text.apply("what is my balance?");
        assertThat(a).matches("hmac-sha256:[0-9a-f]{64}").isEqualTo(text.apply("what is my balance?"))
                .isNotEqualTo(text.apply("what is my balance"));
        Path secret = dir.resolve(AuditText.SECRET_FILE_NAME);
        assertThat(Files.getPosixFilePermissions(secret)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE));
        assertThat(AuditText.of(config).apply("what is my balance?")).as("same deployment secret").isEqualTo(a);
        assertThat(AuditText.of(TextMode.HASH, new byte[32]).apply("what is my balance?")).isNotEqualTo(a);
        assertThat(text.apply(null)).isNull();
    }

    @Test
    void redacted_mode_replaces_personal_data_and_raw_keeps_the_text() {
        String prompt = "mail jane.doe@example.com about it";
        assertThat(AuditText.of(TextMode.REDACTED, null).apply(prompt)).isEqualTo("mail <EMAIL> about it");
        assertThat(AuditText.of(TextMode.RAW, null).apply(prompt)).isEqualTo(prompt);
    }
}
