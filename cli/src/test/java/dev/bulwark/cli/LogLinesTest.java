package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogLinesTest {
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(LogLines.FORMAT_PROPERTY);
        System.clearProperty(LogLines.FORMAT_PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) System.clearProperty(LogLines.FORMAT_PROPERTY);
        else System.setProperty(LogLines.FORMAT_PROPERTY, before);
    }

    @Test
    void aRecordIsOneLineWithAnIsoTimestamp() {
        LogLines.install();
        var record = new LogRecord(Level.WARNING, "upstream lab: TLS handshake failed");
        record.setLoggerName("dev.bulwark.guard.proxy.UpstreamTls");
        record.setInstant(Instant.parse("2026-11-27T15:08:42.123Z"));

        String line = new SimpleFormatter().format(record);

        assertThat(line.strip()).doesNotContain("\n")
                .matches("2026-11-2\\dT\\d\\d:\\d\\d:42\\.123[+-]\\d{4} WARNING dev\\.bulwark\\.guard\\.proxy\\.UpstreamTls: "
                        + "upstream lab: TLS handshake failed");
    }

    @Test
    void anOperatorsOwnFormatWins() {
        System.setProperty(LogLines.FORMAT_PROPERTY, "%5$s%n");
        LogLines.install();
        assertThat(System.getProperty(LogLines.FORMAT_PROPERTY)).isEqualTo("%5$s%n");
    }
}
