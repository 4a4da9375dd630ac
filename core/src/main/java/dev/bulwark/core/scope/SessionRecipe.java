package dev.bulwark.core.scope;

import dev.bulwark.core.Masking;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to open a session on a stateful {@link HttpTarget} before prompting it: one login request (sent through the
 * engagement client like every other request, so the allow-list and the budget apply), then values taken from its
 * reply into named variables, used as {@code {{name}}} in the target's headers and request template. Cookies the
 * login (and later replies) set are kept per session when {@code cookies} is true.
 */
public record SessionRecipe(String method, URI url, String body, Map<String, String> headers,
                            List<Extract> extract, boolean cookies) {
    /** Variable names: what may stand between {@code {{ }}}; {@code prompt} is taken. */
    public static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    /** A {@code {{name}}} reference in a template. */
    public static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]{0,63})\\s*}}");

    public SessionRecipe {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        body = body == null ? "" : body;
        headers = Map.copyOf(headers);
        extract = List.copyOf(extract);
    }

    /** One variable taken from the login reply: by JSONPath from its JSON body, or the value of a header. */
    public record Extract(String name, Source source, String expression) {
        public Extract {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(expression, "expression");
        }
    }

    /** Where an extracted value comes from. */
    public enum Source { JSON_PATH, HEADER }

    /** The body may hold a password: never print it. */
    @Override
    public String toString() {
        return "SessionRecipe[" + method + " " + url + ", body " + Masking.mask(body) + ", extract " + extract + "]";
    }
}
