package dev.bulwark.probe.api;

import dev.bulwark.core.http.HttpCall;
import dev.bulwark.core.scope.HttpTarget;
import dev.bulwark.core.scope.LlmChatTarget;
import dev.bulwark.probe.Json;
import dev.bulwark.probe.PromptClient;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The broken requests of the verbose-errors probe, built from the target's own valid request so that headers,
 * credential and URL stay right and only the body is wrong: cut-off JSON, wrong types, an oversized field,
 * invalid UTF-8.
 */
final class MalformedBodies {
    /** Big enough to trip size limits and buffer handling; small next to the engagement's per-reply cap. */
    static final int OVERSIZED = 65_536;
    private static final String MARKER = "BWKMARK";

    record Malformed(String label, HttpCall call) {
    }

    /** How many bodies {@link #forClient} makes (a test keeps the two in step). */
    static final int COUNT = 4;

    private MalformedBodies() {
    }

    static List<Malformed> forClient(PromptClient client) {
        HttpCall valid = client.call(MARKER);
        byte[] body = valid.body();
        return List.of(
                new Malformed("truncated-json", valid.withBody(Arrays.copyOf(body, Math.max(1, body.length / 2)))),
                new Malformed("wrong-types", valid.withBody(utf8(wrongTypes(client, valid.bodyText())))),
                new Malformed("oversized-field", oversized(client)),
                new Malformed("invalid-utf8", valid.withBody(invalidUtf8(valid.bodyText()))));
    }

    private static String wrongTypes(PromptClient client, String validBody) {
        return switch (client.target()) {
            case LlmChatTarget chat -> "{\"model\": 12345, \"messages\": \"not-a-list\", \"max_tokens\": \"lots\"}";
            case HttpTarget http -> {
                String quoted = "\"" + MARKER + "\"";
                yield validBody.contains(quoted)
                        ? validBody.replace(quoted, "{\"unexpected\": [1, {\"nested\": null}]}")
                        : validBody.replace(MARKER, "\"]]}}");
            }
        };
    }

    /** A 64 KiB model name for chat endpoints (rejected before any model runs); a 64 KiB prompt otherwise. */
    private static HttpCall oversized(PromptClient client) {
        String huge = "A".repeat(OVERSIZED);
        return switch (client.target()) {
            case LlmChatTarget chat -> {
                HttpCall valid = client.call("hi");
                String body = "{\"model\": " + Json.quote(huge) + ", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}],"
                        + " \"max_tokens\": 1}";
                yield valid.withBody(utf8(body));
            }
            case HttpTarget http -> client.call(huge);
        };
    }

    /** The marker replaced by bytes that are not UTF-8 (a lone lead byte, then 0xFF). */
    private static byte[] invalidUtf8(String validBody) {
        int at = validBody.indexOf(MARKER);
        if (at < 0) return new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};
        byte[] head = utf8(validBody.substring(0, at));
        byte[] tail = utf8(validBody.substring(at + MARKER.length()));
        byte[] out = new byte[head.length + 3 + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        out[head.length] = (byte) 0xC3;
        out[head.length + 1] = (byte) 0x28;
        out[head.length + 2] = (byte) 0xFF;
        System.arraycopy(tail, 0, out, head.length + 3, tail.length);
        return out;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
