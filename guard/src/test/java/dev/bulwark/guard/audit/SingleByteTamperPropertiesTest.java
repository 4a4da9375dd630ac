package dev.bulwark.guard.audit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.assertj.core.api.Assertions;

/** Any single byte changed anywhere in a valid log — record bytes, hashes, signatures, newlines — is detected. */
class SingleByteTamperPropertiesTest {
    private static final Log LOG = Log.create();

    record Log(byte[] bytes, AuditKeys keys) {
        static Log create() {
            try {
                Path dir = Files.createTempDirectory("audit-prop");
                AuditKeys keys = AuditKeys.loadOrCreate(dir.resolve("k.pem"));
                Path file = dir.resolve("audit.jsonl");
                AuditLogs.write(file, keys, "gw-p", 0, 9);
                return new Log(Files.readAllBytes(file), keys);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Property(tries = 1000)
    void any_single_byte_change_is_detected(@ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double where,
                                            @ForAll byte value) throws IOException {
        byte[] tampered = LOG.bytes().clone();
        int at = (int) (where * tampered.length);
        Assume.that(tampered[at] != value);
        tampered[at] = value;
        boolean detected;
        try {
            detected = !AuditVerifier.verify("prop", new ByteArrayInputStream(tampered), LOG.keys().publicKey()).ok();
        } catch (AuditFileException e) {
            detected = true;
        }
        Assertions.assertThat(detected).as("change at byte %d to %d", at, value).isTrue();
    }

    @Property(tries = 5)
    void the_untouched_log_verifies(@ForAll byte ignored) throws IOException {
        Assertions.assertThat(AuditVerifier.verify("prop", new ByteArrayInputStream(LOG.bytes()),
                LOG.keys().publicKey()).ok()).isTrue();
    }
}
