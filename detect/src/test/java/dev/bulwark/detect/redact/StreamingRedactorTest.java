package dev.bulwark.detect.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityScanner;
import dev.bulwark.detect.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamingRedactorTest {
    @Test
    void anEntitySplitAcrossChunksIsCaught() {
        var redactor = StreamingRedactor.of(LocalTestScanner.INSTANCE, RedactionOperator.replace(), 1);
        var out = new StringBuilder();
        for (String chunk : List.of("call 55", "5012", "34 or ja", "ne@exa", "mple.com ", "today")) {
            out.append(redactor.accept(chunk));
        }
        out.append(redactor.finish());
        assertThat(out).hasToString("call <PHONE> or <EMAIL> today");
    }

    @Test
    void holdsBackNoMoreThanMaxSpanPlusStep() {
        int span = LocalTestScanner.INSTANCE.maxSpan();
        var redactor = StreamingRedactor.of(LocalTestScanner.INSTANCE, RedactionOperator.replace(), 5);
        String text = "word ".repeat(100);
        String emitted = redactor.accept(text);
        assertThat(text.length() - emitted.length()).isBetween(span, span + 5);
        assertThat(emitted + redactor.finish()).isEqualTo(text);
    }

    @Test
    void nothingIsLostOrDuplicatedAroundSurrogatePairs() {
        var redactor = StreamingRedactor.of(LocalTestScanner.INSTANCE, RedactionOperator.replace(), 1);
        String text = "😀".repeat(200) + " 12345 " + "😀".repeat(50);
        var out = new StringBuilder();
        for (int i = 0; i < text.length(); i += 3) out.append(redactor.accept(text.substring(i, Math.min(text.length(), i + 3))));
        out.append(redactor.finish());
        assertThat(out).hasToString("😀".repeat(200) + " <PHONE> " + "😀".repeat(50));
    }

    @Test
    void decryptingRestoresEncryptedTokensAcrossChunks() {
        var encrypt = (DeterministicEncryption) RedactionOperator.encrypt(EncryptionKeyset.generate());
        String original = "mail jane@example.com and bob@example.com\r\n";
        String encrypted = Redaction.redact(original, EntityScanner.standard(), encrypt);
        assertThat(encrypted).doesNotContain("jane").contains("<EMAIL:");
        var decrypting = StreamingRedactor.decrypting(encrypt);
        var out = new StringBuilder();
        for (int i = 0; i < encrypted.length(); i += 7) {
            out.append(decrypting.accept(encrypted.substring(i, Math.min(encrypted.length(), i + 7))));
        }
        assertThat(out.append(decrypting.finish())).hasToString(original);
    }

    @Test
    void anEntityReachingInFromEmittedContextIsStillRedacted() {
        // A scanner that breaks its maxSpan promise: it reports one entity covering the whole window.
        EntityScanner liar = new EntityScanner() {
            @Override
            public List<Entity> scan(String text) {
                return text.length() > 3 ? List.of(new Entity(EntityType.SECRET, 0, text.length(), 1)) : List.of();
            }

            @Override
            public int maxSpan() {
                return 3;
            }
        };
        var redactor = StreamingRedactor.of(liar, RedactionOperator.replace(), 3);
        String out = redactor.accept("abcdefghijklmnop") + redactor.finish();
        assertThat(out).doesNotContain("e", "f", "p").contains("<SECRET>");
    }

    @Test
    void aPrivateKeyLongerThanTheHoldBackIsRedactedUpToItsEndLine() {
        String body = ("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7" + "\n").repeat(200); // ~10 KB
        String key = "-----BEGIN RSA PRIVATE KEY-----\n" + body + "-----END RSA PRIVATE KEY-----";
        String text = "here it is:\n" + key + "\nthanks, bye";
        assertThat(key.length()).isGreaterThan(10 * EntityScanner.standard().maxSpan());
        for (int chunk : List.of(1, 7, 100, 4096)) {
            String out = streamed(text, chunk);
            assertThat(out).as("chunk %d", chunk).isEqualTo("here it is:\n<PRIVATE_KEY>\nthanks, bye")
                    .isEqualTo(Redaction.redact(text, EntityScanner.standard(), RedactionOperator.replace()));
        }
    }

    @Test
    void anUnclosedPrivateKeyIsRedactedToTheEndOfTheStream() {
        String text = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n".repeat(100)
                + "\nthe reply goes on " + "and on ".repeat(200);
        String out = streamed(text, 64);
        assertThat(out).startsWith("<PRIVATE_KEY>").doesNotContain("b3Bl", "-----BEGIN");
    }

    @Test
    void aJwtLongerThanTheHoldBackDoesNotLeakItsTail() {
        String payload = "eyJzdWIiOiIxMjM0NTY3ODkwIn0" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo".repeat(60);
        String jwt = "eyJhbGciOiJIUzI1NiJ9." + payload + ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        String text = "auth " + jwt + " done";
        assertThat(jwt.length()).isGreaterThan(2 * EntityScanner.standard().maxSpan());
        for (int chunk : List.of(3, 50, 1000)) {
            assertThat(streamed(text, chunk)).as("chunk %d", chunk).isEqualTo("auth <JWT> done");
        }
    }

    private static String streamed(String text, int chunk) {
        var redactor = StreamingRedactor.of(EntityScanner.standard(), RedactionOperator.replace(), 100);
        var out = new StringBuilder();
        for (int i = 0; i < text.length(); i += chunk) {
            out.append(redactor.accept(text.substring(i, Math.min(text.length(), i + chunk))));
        }
        return out.append(redactor.finish()).toString();
    }

    @Test
    void acceptAfterFinishIsAnError() {
        var redactor = StreamingRedactor.of(LocalTestScanner.INSTANCE, RedactionOperator.replace());
        redactor.finish();
        assertThatThrownBy(() -> redactor.accept("x")).isInstanceOf(IllegalStateException.class);
        assertThat(redactor.finish()).isEmpty();
    }
}
