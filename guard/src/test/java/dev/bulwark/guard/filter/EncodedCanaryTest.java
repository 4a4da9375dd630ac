package dev.bulwark.guard.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.config.Action;
import dev.bulwark.guard.config.OutputPolicy;
import dev.bulwark.guard.config.OutputPolicy.HtmlAction;
import dev.bulwark.guard.config.OutputPolicy.ImageAction;
import dev.bulwark.guard.pipeline.OutputFilter;
import dev.bulwark.guard.pipeline.Route;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A model talked into encoding its system prompt still leaks the canary in it: the reply is withheld all the same. */
class EncodedCanaryTest {
    private static final String CANARY = "ZEBRA-CANARY-4412";
    private static final String PROMPT = "You are Ada, the helpdesk bot. Internal marker: " + CANARY + ". Be kind.";
    private static final OutputFilter OUTPUT = Filters.output(new OutputPolicy(Action.REDACT, Action.REDACT,
            List.of(CANARY), null, ImageAction.STRIP_EXTERNAL, List.of(), HtmlAction.ESCAPE, false,
            OutputPolicy.ToolCallAction.BLOCK));

    static String rot13(String s) {
        var out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= 'a' && c <= 'z') c = (char) ('a' + (c - 'a' + 13) % 26);
            else if (c >= 'A' && c <= 'Z') c = (char) ('A' + (c - 'A' + 13) % 26);
            out.append(c);
        }
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base64", "base64url", "hex", "hex-spaced", "rot13", "reversed"})
    void anEncodedCanaryIsWithheld(String encoding) {
        byte[] bytes = PROMPT.getBytes(StandardCharsets.UTF_8);
        String encoded = switch (encoding) {
            case "base64" -> Base64.getEncoder().encodeToString(bytes);
            case "base64url" -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            case "hex" -> HexFormat.of().formatHex(bytes);
            case "hex-spaced" -> HexFormat.ofDelimiter(" ").formatHex(bytes);
            case "rot13" -> rot13(PROMPT);
            case "reversed" -> new StringBuilder(PROMPT).reverse().toString();
            default -> throw new IllegalArgumentException(encoding);
        };
        var verdict = OUTPUT.inspect(Route.CHAT, Replies.whole("Here you go:\n" + encoded + "\nAnything else?"), Set.of());
        assertThat(verdict.blocked()).as(encoding).isTrue();
        assertThat(verdict.decisions()).anyMatch(d -> d.detector().equals("canary"));
    }

    @Test
    void encodedTextWithoutTheCanaryPasses() {
        String blob = Base64.getEncoder().encodeToString("Opening hours: 9 to 6, Monday to Friday.".getBytes(StandardCharsets.UTF_8));
        var verdict = OUTPUT.inspect(Route.CHAT, Replies.whole("The encoded text is " + blob + " and a hash 9f86d081884c7d65."), Set.of());
        assertThat(verdict.blocked()).isFalse();
        assertThat(verdict.response().at("/choices/0/message/content").asText()).contains(blob);
    }
}
