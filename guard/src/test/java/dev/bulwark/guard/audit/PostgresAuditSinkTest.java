package dev.bulwark.guard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.guard.audit.VerifyResult.Kind;
import dev.bulwark.guard.audit.VerifyResult.Problem;
import dev.bulwark.guard.config.AuditConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway instances writing to one real PostgreSQL. Runs when {@code BULWARK_TEST_POSTGRES_URL} names a
 * throwaway database (its audit tables are dropped before each test), e.g.
 * {@code jdbc:postgresql://127.0.0.1:55432/audit_test?user=postgres}.
 */
class PostgresAuditSinkTest {
    static final String URL = System.getenv("BULWARK_TEST_POSTGRES_URL");

    @TempDir
    Path dir;
    AuditKeys keys;

    @BeforeEach
    void freshSchema() throws SQLException {
        Assumptions.assumeTrue(URL != null && !URL.isBlank(), "BULWARK_TEST_POSTGRES_URL not set");
        keys = AuditKeys.loadOrCreate(dir.resolve("audit-signing.pem"));
        sql("DROP TABLE IF EXISTS " + PostgresStore.TABLE + ", " + PostgresStore.HISTORY_TABLE);
    }

    @Test
    void two_instances_writing_at_once_both_verify() throws Exception {
        writeConcurrently(40, 35);
        VerifyResult r = AuditVerifier.verifyPostgres(URL, keys.publicKey());
        assertThat(r.problems()).isEmpty();
        assertThat(r.instances()).extracting(VerifyResult.InstanceSummary::instance).containsExactly("gw-a", "gw-b");
        assertThat(r.instances()).extracting(VerifyResult.InstanceSummary::events).containsExactly(40L, 35L);
        assertThat(r.instances()).allSatisfy(s -> assertThat(s.closed()).isTrue());
    }

    @Test
    void tampering_with_one_instances_rows_is_caught_there() throws Exception {
        writeConcurrently(20, 20);
        long row = scalar("SELECT id FROM audit_record WHERE instance = 'gw-b' AND seq = 4");
        sql("UPDATE audit_record SET record = replace(record, '\"status\":200', '\"status\":404') "
                + "WHERE instance = 'gw-b' AND seq = 4");
        VerifyResult r = AuditVerifier.verifyPostgres(URL, keys.publicKey());
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).hasSize(1);
        assertThat(r.firstProblem().orElseThrow()).extracting(Problem::instance, Problem::seq, Problem::kind,
                Problem::line).containsExactly("gw-b", 4L, Kind.CHANGED, row);
        assertThat(r.instances().get(0).instance()).isEqualTo("gw-a");
    }

    @Test
    void a_deleted_row_and_swapped_rows_are_caught() throws Exception {
        writeConcurrently(20, 20);
        sql("DELETE FROM audit_record WHERE instance = 'gw-a' AND seq = 7");
        sql("UPDATE audit_record SET record = CASE seq WHEN 2 THEN (SELECT record FROM audit_record WHERE "
                + "instance = 'gw-b' AND seq = 3) ELSE (SELECT record FROM audit_record WHERE instance = 'gw-b' "
                + "AND seq = 2) END WHERE instance = 'gw-b' AND seq IN (2, 3)");
        VerifyResult r = AuditVerifier.verifyPostgres(URL, keys.publicKey());
        assertThat(r.problems()).extracting(Problem::instance, Problem::seq, Problem::kind).startsWith(
                org.assertj.core.groups.Tuple.tuple("gw-a", 8L, Kind.MISSING),
                org.assertj.core.groups.Tuple.tuple("gw-b", 3L, Kind.ROW_MISMATCH));
    }

    @Test
    void a_restarted_instance_continues_its_chain_and_refuses_a_tampered_tail() throws Exception {
        writeConcurrently(6, 6);
        var config = new AuditConfig(null, URL, dir.resolve("audit-signing.pem"), 5, AuditConfig.TextMode.HASH,
                "gw-a");
        try (var sink = ChainedAuditSink.postgres(config)) {
            sink.append(AuditLogs.event(99));
        }
        VerifyResult r = AuditVerifier.verifyPostgres(URL, keys.publicKey());
        assertThat(r.problems()).isEmpty();
        assertThat(r.instances().get(0).events()).isEqualTo(7);

        long last = scalar("SELECT max(seq) FROM audit_record WHERE instance = 'gw-a'");
        sql("UPDATE audit_record SET record = replace(record, 'req-99', 'req-98') WHERE instance = 'gw-a' "
                + "AND seq = " + (last - 1));
        assertThatThrownBy(() -> ChainedAuditSink.postgres(config)).isInstanceOf(AuditStoreException.class)
                .hasMessageContaining("does not verify").hasMessageContaining("seq " + (last - 1));
    }

    private void writeConcurrently(int eventsA, int eventsB) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (var a = ChainedAuditSink.postgres(URL, "gw-a", keys, 5, 10_000);
             var b = ChainedAuditSink.postgres(URL, "gw-b", keys, 5, 10_000)) {
            var start = new CountDownLatch(1);
            pool.submit(() -> append(start, a, eventsA));
            pool.submit(() -> append(start, b, eventsB));
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static Void append(CountDownLatch start, ChainedAuditSink sink, int events) throws InterruptedException {
        start.await();
        for (int i = 0; i < events; i++) sink.append(AuditLogs.event(i));
        return null;
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private static long scalar(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement st = c.createStatement();
             var rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
