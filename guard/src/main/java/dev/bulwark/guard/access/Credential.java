package dev.bulwark.guard.access;

import dev.bulwark.guard.pipeline.RequestHead;
import java.util.Locale;
import java.util.Optional;

/**
 * What a request presents as proof of identity, taken from {@code Authorization: Bearer ...} (OpenAI clients), then
 * {@code api-key} (Azure OpenAI clients), then {@code x-api-key} (Anthropic clients).
 */
sealed interface Credential {
    /** Longer credentials are refused unread: real keys and JWTs are far shorter. */
    int MAX_LENGTH = 8192;

    /** Nothing usable was sent (no header, an empty one, another scheme, an oversized value). */
    record Absent() implements Credential {
    }

    /** A secret that is either an API key or (when it has the JWS compact shape) a JWT. */
    record Presented(String value) implements Credential {
        /** Three base64url parts separated by dots: the JWS compact serialization. */
        boolean looksLikeJwt() {
            int first = value.indexOf('.');
            int second = first < 0 ? -1 : value.indexOf('.', first + 1);
            return first > 0 && second > first + 1 && value.indexOf('.', second + 1) < 0 && second < value.length() - 1;
        }

        @Override
        public String toString() {
            return "Presented[***]";
        }
    }

    static Credential of(RequestHead head) {
        // an Authorization header of another scheme (Basic from a front proxy, say) does not hide an api-key header
        Credential bearer = head.header("authorization").map(Credential::bearer).orElseGet(Absent::new);
        if (bearer instanceof Presented) return bearer;
        Optional<String> key = head.header("api-key").or(() -> head.header("x-api-key"));
        return key.map(Credential::plain).orElseGet(Absent::new);
    }

    private static Credential bearer(String header) {
        String trimmed = header.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) return new Absent();
        return plain(trimmed.substring(space + 1));
    }

    private static Credential plain(String raw) {
        String value = raw.strip();
        if (value.isEmpty() || value.length() > MAX_LENGTH) return new Absent();
        return new Presented(value);
    }
}
