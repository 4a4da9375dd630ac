package dev.bulwark.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 1 MB inputs shaped to make a backtracking pattern or a quadratic search blow up. The timeout is generous: it
 * catches catastrophic behaviour (minutes), it is not a performance assertion.
 */
class HostileInputTest {
    private static final int MB = 1 << 20;

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("long digit run", "1".repeat(MB)),
                Arguments.of("spaced digits", "1 ".repeat(MB / 2)),
                Arguments.of("dashed digits", "12-".repeat(MB / 3)),
                Arguments.of("a@a@a@", "a@".repeat(MB / 2)),
                Arguments.of("long dotted number", "1.".repeat(MB / 2)),
                Arguments.of("xoxb- repeated", "xoxb-".repeat(MB / 5)),
                Arguments.of("unclosed PEM headers", "-----BEGIN RSA PRIVATE KEY-----\n".repeat(MB / 33)),
                Arguments.of("eyJ repeated", "eyJ".repeat(MB / 3)),
                Arguments.of("colons", "a:".repeat(MB / 2)),
                Arguments.of("assignments", "password=".repeat(MB / 9)),
                Arguments.of("IBAN prefixes", "DE89 ".repeat(MB / 5)),
                Arguments.of("capitalised names", "John ".repeat(MB / 5)),
                Arguments.of("url schemes", "a://b:".repeat(MB / 6)),
                Arguments.of("letters then @", "a".repeat(MB - 1) + "@"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void completes(String name, String input) {
        var found = EntityEngine.standard().scan(input);
        assertThat(found).allSatisfy(e -> assertThat(e.end()).isLessThanOrEqualTo(input.length()));
    }
}
