package dev.bulwark.guard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.guard.config.AuditConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditSinksTest {
    @TempDir
    Path dir;

    @Test
    void defaults_put_the_key_next_to_the_log_and_name_the_instance() {
        var config = new AuditConfig(dir.resolve("logs/audit.jsonl"), null, null, 3, null, null);
        try (var sink = AuditSinks.open(config)) {
            sink.append(AuditLogs.event(1));
        }
        Path key = dir.resolve("logs/" + AuditKeys.DEFAULT_FILE_NAME);
        assertThat(key).exists();
        assertThat(Path.of(key + ".pub")).exists();
        var r = AuditVerifier.verify(dir.resolve("logs/audit.jsonl"), AuditKeys.loadOrCreate(key).publicKey());
        assertThat(r.ok()).isTrue();
        assertThat(r.instances().get(0).instance()).isEqualTo(AuditSinks.DEFAULT_INSTANCE);
    }

    @Test
    void no_store_is_a_configuration_error() {
        assertThatThrownBy(() -> AuditSinks.open(new AuditConfig(null, null, null, 3, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void file_and_postgres_together_each_keep_a_verifiable_chain() throws Exception {
        String url = PostgresAuditSinkTest.URL;
        Assumptions.assumeTrue(url != null && !url.isBlank(), "BULWARK_TEST_POSTGRES_URL not set");
        try (var c = DriverManager.getConnection(url); var st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + PostgresStore.TABLE + ", " + PostgresStore.HISTORY_TABLE);
        }
        Path log = dir.resolve("audit.jsonl");
        var config = new AuditConfig(log, url, dir.resolve("k.pem"), 2, AuditConfig.TextMode.HASH, "gw-both");
        try (var sink = AuditSinks.open(config)) {
            for (int i = 0; i < 5; i++) sink.append(AuditLogs.event(i));
        }
        var key = AuditKeys.readPublicKey(dir.resolve("k.pem.pub"));
        assertThat(AuditVerifier.verify(log, key).instances().get(0).events()).isEqualTo(5);
        var db = AuditVerifier.verifyPostgres(url, key);
        assertThat(db.ok()).isTrue();
        assertThat(db.instances().get(0).events()).isEqualTo(5);
        assertThat(Files.size(log)).isPositive();
    }
}
