package dev.bulwark.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.bulwark.core.http.EngagementClient;
import dev.bulwark.core.http.EngagementException;
import dev.bulwark.core.http.HttpCall;
import dev.bulwark.core.http.HttpReply;
import dev.bulwark.core.scope.SessionRecipe;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * One session on a stateful http target ({@link SessionRecipe}): logs in lazily before the first prompt, through
 * the engagement client (allow-list, budget, rate), keeps the extracted variables and the cookies, and logs in
 * again after a 401/403 — at most {@link #MAX_LOGINS} times, so a login that never works cannot eat the budget.
 * The login is sent without following redirects, because a login usually answers 302 with its cookie.
 */
final class HttpSession {
    static final int MAX_LOGINS = 3;
    static final int MAX_VALUE_CHARS = 8192;
    static final int MAX_COOKIES = 50;

    private static final Configuration JSON_PATH = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .build();

    private final SessionRecipe recipe;
    private final EngagementClient http;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private boolean open;
    private int logins;
    private String problem = "";

    HttpSession(SessionRecipe recipe, EngagementClient http) {
        this.recipe = recipe;
        this.http = http;
    }

    /** Logs in unless a session is open; returns the problem when there is none to use ("" when open). */
    synchronized String ensureOpen() {
        if (open) return "";
        if (logins >= MAX_LOGINS) return problem.isEmpty() ? "gave up after " + MAX_LOGINS + " logins" : problem;
        logins++;
        problem = login();
        open = problem.isEmpty();
        return problem;
    }

    /** The target answered 401/403: the session expired or never worked; the next prompt logs in again. */
    synchronized void invalidate() {
        open = false;
    }

    synchronized String problem() {
        return problem;
    }

    /** {@code template} with every {@code {{name}}} of the session filled in ({@code json}: as JSON string content). */
    synchronized String fill(String template, boolean json) {
        Matcher m = SessionRecipe.REFERENCE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals("prompt") ? m.group() : variables.getOrDefault(name, "");
            m.appendReplacement(out, Matcher.quoteReplacement(json && !name.equals("prompt") ? Json.escape(value) : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The {@code Cookie} header the session sends, if it holds cookies. */
    synchronized Optional<String> cookieHeader() {
        if (!recipe.cookies() || cookies.isEmpty()) return Optional.empty();
        var text = new StringBuilder();
        cookies.forEach((k, v) -> text.append(text.isEmpty() ? "" : "; ").append(k).append('=').append(v));
        return Optional.of(text.toString());
    }

    /** Keeps the cookies any reply of the session sets. */
    synchronized void absorb(HttpReply reply) {
        if (!recipe.cookies()) return;
        reply.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Set-Cookie")) return;
            for (String v : values) setCookie(v);
        });
    }

    private void setCookie(String header) {
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq <= 0) return;
        String name = pair.substring(0, eq).strip();
        String value = pair.substring(eq + 1).strip();
        if (value.length() > MAX_VALUE_CHARS || name.chars().anyMatch(c -> c < 0x21 || c > 0x7e || c == ';')
                || value.chars().anyMatch(c -> c < 0x20 || c == ';' || c == 0x7f)) {
            return;
        }
        boolean expired = header.toLowerCase(Locale.ROOT).contains("max-age=0");
        if (expired) {
            cookies.remove(name);
        } else if (cookies.containsKey(name) || cookies.size() < MAX_COOKIES) {
            cookies.put(name, value);
        }
    }

    private String login() {
        HttpCall call = loginCall();
        HttpReply reply;
        try {
            reply = http.send(call);
        } catch (EngagementException e) {
            return "session login failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "session login interrupted";
        }
        absorb(reply);
        if (reply.status() >= 400 || reply.status() < 200) {
            return "session login failed: HTTP " + reply.status() + " from " + recipe.url();
        }
        variables.clear();
        for (SessionRecipe.Extract e : recipe.extract()) {
            Optional<String> value = extract(e, reply);
            if (value.isEmpty()) {
                return "session login: " + (e.source() == SessionRecipe.Source.HEADER ? "header " : "")
                        + e.expression() + " found nothing in the login reply (HTTP " + reply.status() + ")";
            }
            String v = value.get();
            if (v.length() > MAX_VALUE_CHARS || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
                return "session login: the value of " + e.name() + " is too long or has line breaks";
            }
            variables.put(e.name(), v);
        }
        return "";
    }

    private HttpCall loginCall() {
        boolean hasBody = !recipe.method().equals("GET") && !recipe.body().isEmpty();
        HttpCall call = new HttpCall(recipe.method(), recipe.url(), Map.of(),
                hasBody ? recipe.body().getBytes(StandardCharsets.UTF_8) : null, false, true);
        if (hasBody && recipe.headers().keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            call = call.withHeader("Content-Type", "application/json");
        }
        for (var h : recipe.headers().entrySet()) call = call.withHeader(h.getKey(), h.getValue());
        return call;
    }

    private static Optional<String> extract(SessionRecipe.Extract e, HttpReply reply) {
        if (e.source() == SessionRecipe.Source.HEADER) return reply.header(e.expression()).filter(v -> !v.isEmpty());
        Optional<JsonNode> root = Json.parse(reply.bodyText());
        if (root.isEmpty()) return Optional.empty();
        try {
            JsonNode result = JsonPath.compile(e.expression()).read(root.get(), JSON_PATH);
            if (result == null || result.isNull() || result.isMissingNode()) return Optional.empty();
            if (result.isArray() && result.size() == 1) result = result.get(0);
            String text = result.isValueNode() ? result.asText() : Json.write(result);
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (RuntimeException ex) {
            return Optional.empty();
        }
    }

    /** The names of the session's variables, for masking the headers that carry them. */
    List<String> variableNames() {
        return recipe.extract().stream().map(SessionRecipe.Extract::name).toList();
    }
}
