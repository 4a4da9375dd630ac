package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RedactCommandTest {
    @TempDir
    Path dir;

    /** Runs a command through picocli, wired like {@code Main}, with the given bytes on stdin. */
    record Run(int exitCode, byte[] stdout, String err) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        static synchronized Run of(Callable<Integer> command, byte[] stdin, String... args) {
            var outBytes = new ByteArrayOutputStream();
            var errText = new StringWriter();
            InputStream originalIn = System.in;
            PrintStream originalOut = System.out;
            try (var out = new PrintStream(outBytes, true, StandardCharsets.UTF_8)) {
                System.setIn(new ByteArrayInputStream(stdin));
                System.setOut(out);
                var cli = new CommandLine(command);
                cli.setExecutionExceptionHandler(new ErrorHandler());
                cli.setParameterExceptionHandler(ErrorHandler::usageError);
                cli.setExitCodeExceptionMapper(ErrorHandler::exitCodeOf);
                cli.setErr(new PrintWriter(errText, true));
                int code = cli.execute(args);
                out.flush();
                return new Run(code, outBytes.toByteArray(), errText.toString());
            } finally {
                System.setIn(originalIn);
                System.setOut(originalOut);
            }
        }

        static Run of(Callable<Integer> command, String stdin, String... args) {
            return of(command, stdin.getBytes(StandardCharsets.UTF_8), args);
        }
    }

    private static Run redact(String stdin, String... args) {
        return Run.of(new RedactCommand(), stdin, args);
    }

    @Test
    void replacesEntitiesAndKeepsEveryOtherByte() {
        String in = "\uFEFFHi,\r\nmail jane.doe@example.com — café ✓ 😀\r\ncard 4111 1111 1111 1111\n\n";
        Run run = redact(in);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("\uFEFFHi,\r\nmail <EMAIL> — café ✓ 😀\r\ncard <PAYMENT_CARD>\n\n");
    }

    @Test
    void inputWithoutEntitiesComesOutIdenticalEvenWithoutATrailingNewline() {
        byte[] in = "no personal data here,\r\njust text\tand ünïcödé".getBytes(StandardCharsets.UTF_8);
        assertThat(Run.of(new RedactCommand(), in).stdout()).isEqualTo(in);
    }

    @Test
    void largeInputIsStreamedAndEntitiesAcrossReadChunksAreCaught() {
        String filler = "lorem ipsum dolor sit amet ".repeat(3000);
        String in = filler + "jane@example.com " + filler + "bob@example.org\n";
        Run run = redact(in);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(filler + "<EMAIL> " + filler + "<EMAIL>\n");
    }

    @Test
    void entitiesOptionLimitsTheTypes() {
        Run run = redact("jane@example.com 4111 1111 1111 1111", "--entities", "payment_card");
        assertThat(run.out()).isEqualTo("jane@example.com <PAYMENT_CARD>");
    }

    @Test
    void allowOptionLeavesPublishedValuesAlone() {
        Run run = redact("Write to info@shop.example or to jane@example.com", "--allow", "INFO@shop.example");
        assertThat(run.out()).isEqualTo("Write to info@shop.example or to <EMAIL>");
    }

    @Test
    void anUnknownEntityTypeExits2NamingTheValidOnes() {
        Run run = redact("x", "--entities", "EMAIL,CREDITCARD");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("unknown entity type 'CREDITCARD'").contains("EMAIL, PHONE, PAYMENT_CARD");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void anUnknownOperatorIsAUsageError() {
        Run run = redact("x", "--operator", "shred");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("shred").contains("replace, mask, hash, encrypt, fpe");
    }

    @Test
    void maskOperator() {
        assertThat(redact("mail jane@example.com\n", "--operator", "mask").out()).isEqualTo("mail j***@example.com\n");
    }

    @Test
    void keyedOperatorsNeedAKey() {
        for (String op : new String[] {"hash", "encrypt", "fpe"}) {
            Run run = redact("jane@example.com", "--operator", op);
            assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err()).contains("needs --key FILE").contains("--new-key FILE --operator " + op);
        }
    }

    @Test
    void badKeyFilesExit2NamingTheFileAndTheProblem() throws Exception {
        Path missing = dir.resolve("missing.key");
        Run run = redact("x", "--operator", "hash", "--key", missing.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains(missing.toString()).contains("no such file");

        Path junk = Files.writeString(dir.resolve("junk.key"), "bulwark-redaction-key v1 c2VjcmV0\n");
        run = redact("x", "--operator", "fpe", "--key", junk.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains(junk.toString()).contains("6 bytes; expected 32").doesNotContain("c2VjcmV0");

        Path notKeyset = Files.writeString(dir.resolve("keys.json"), "{\"primaryKeyId\": \"s3cr3t\"");
        run = redact("x", "--operator", "encrypt", "--key", notKeyset.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains(notKeyset.toString()).contains("not a valid Tink JSON keyset")
                .doesNotContain("s3cr3t");
    }

    @Test
    void hashWithANewKeyIsStableAcrossRuns() {
        Path key = dir.resolve("redaction.key");
        Run created = redact("", "--new-key", key.toString(), "--operator", "hash");
        assertThat(created.exitCode()).isZero();
        assertThat(created.out()).contains("Wrote a new redaction key").doesNotContain("bulwark-redaction-key");
        String first = redact("a jane@example.com b", "--operator", "hash", "--key", key.toString()).out();
        assertThat(first).matches("a <EMAIL:[0-9a-f]{16}> b");
        assertThat(redact("x JANE@example.com", "--operator", "hash", "--key", key.toString()).out())
                .isEqualTo("x " + first.substring(2, first.length() - 2));
        assertThat(redact("", "--new-key", key.toString(), "--operator", "hash").exitCode())
                .as("an existing key is never overwritten").isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void encryptThenDecryptRoundTripsAndSurvivesRotation() {
        Path keyset = dir.resolve("keys.json");
        assertThat(redact("", "--new-key", keyset.toString(), "--operator", "encrypt").exitCode()).isZero();
        String original = "Dear team,\r\nplease contact jane.doe@example.com (card 4111 1111 1111 1111).\r\n";
        String tokens = redact(original, "--operator", "encrypt", "--key", keyset.toString()).out();
        assertThat(tokens).doesNotContain("jane", "4111").contains("<EMAIL:", "<PAYMENT_CARD:");

        Run rotated = redact("", "--rotate-key", keyset.toString());
        assertThat(rotated.exitCode()).isZero();
        assertThat(rotated.out()).contains("2 keys");
        String newTokens = redact(original, "--operator", "encrypt", "--key", keyset.toString()).out();
        assertThat(newTokens).isNotEqualTo(tokens);

        assertThat(redact(tokens, "--decrypt", "--key", keyset.toString()).out()).isEqualTo(original);
        assertThat(redact(newTokens, "--decrypt", "--key", keyset.toString()).out()).isEqualTo(original);
    }

    @Test
    void fpeKeepsTheCardShape() {
        Path key = dir.resolve("fpe.key");
        redact("", "--new-key", key.toString(), "--operator", "fpe");
        String out = redact("pay 4111 1111 1111 1111 now", "--operator", "fpe", "--key", key.toString()).out();
        assertThat(out).matches("pay 4\\d{3} \\d{4} \\d{4} \\d{4} now").isNotEqualTo("pay 4111 1111 1111 1111 now");
    }

    @Test
    void invalidUtf8Exits2() {
        Run run = Run.of(new RedactCommand(), new byte[] {'a', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("stdin: not UTF-8 text");
    }
}
