package dev.bulwark.guard.audit;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * A PostgreSQL table shared by several gateway instances, each keeping its own chain ({@code UNIQUE (instance,
 * seq)}: two writers with one instance id cannot interleave silently). The schema is created by the Flyway
 * migrations in {@code db/migration/audit}, with their own history table. Each batch is one transaction.
 */
final class PostgresStore implements RecordStore {
    static final String TABLE = "audit_record";
    static final String HISTORY_TABLE = "bulwark_audit_schema_history";
    private static final String INSERT = "INSERT INTO " + TABLE
            + " (instance, seq, type, prev, hash, record) VALUES (?, ?, ?, ?, ?, ?)";

    private final String url;
    private Connection connection;

    PostgresStore(String url) {
        this.url = url;
    }

    /** Creates or updates the audit schema at {@code url}. */
    static void migrate(String url) {
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/audit")
                .table(HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }

    @Override
    public Opened open(String instance, PublicKey key) {
        try {
            migrate(url);
            connection = connect();
            return new Opened(tail(instance, key), null, false);
        } catch (SQLException | RuntimeException e) {
            close();
            if (e instanceof AuditStoreException a) throw a;
            throw new AuditStoreException(describe() + ": cannot open the audit store: " + e.getMessage(), e);
        }
    }

    /** Verifies this instance's rows from its last-but-one checkpoint on: the last signed segment and after. */
    private ChainTail tail(String instance, PublicKey key) throws SQLException {
        var checker = new ChainChecker(key, false);
        try (PreparedStatement st = connection.prepareStatement("SELECT id, instance, seq, prev, hash, record FROM "
                + TABLE + " WHERE instance = ? AND seq >= COALESCE((SELECT seq FROM " + TABLE
                + " WHERE instance = ? AND type = 'checkpoint' ORDER BY seq DESC OFFSET 1 LIMIT 1), 1) ORDER BY seq")) {
            st.setString(1, instance);
            st.setString(2, instance);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    checker.accept(rs.getLong(1), rs.getString(6).getBytes(StandardCharsets.UTF_8),
                            new ChainChecker.Row(rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        connection.commit();
        if (!checker.ok()) {
            var p = checker.problems().get(0);
            throw new AuditStoreException(describe() + ": the end of instance '" + instance + "''s chain does not "
                    + "verify (row " + p.line() + ", seq " + p.seq() + ": " + p.message() + "); run 'bulwark audit "
                    + "verify --postgres URL'");
        }
        ChainTail tail = checker.tail(instance);
        return tail == null ? ChainTail.empty(instance) : tail;
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        c.setAutoCommit(false);
        return c;
    }

    @Override
    public void write(List<ChainLine> lines) throws SQLException {
        if (connection == null || connection.isClosed()) connection = connect();
        try (PreparedStatement st = connection.prepareStatement(INSERT)) {
            for (ChainLine l : lines) {
                st.setString(1, l.instance());
                st.setLong(2, l.seq());
                st.setString(3, l.type());
                st.setString(4, l.prev());
                st.setString(5, l.hash());
                st.setString(6, new String(l.bytes(), StandardCharsets.UTF_8));
                st.addBatch();
            }
            st.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailed) {
                closeQuietly(); // a broken connection: the next attempt reconnects
            }
            throw e;
        }
    }

    /** Every batch was committed (durable with PostgreSQL's default synchronous_commit). */
    @Override
    public void sync() {
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (connection != null) connection.close();
        } catch (SQLException e) {
            // already broken
        }
        connection = null;
    }

    @Override
    public String describe() {
        return Jdbc.redacted(url);
    }
}
