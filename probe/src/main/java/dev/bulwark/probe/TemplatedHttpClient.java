package dev.bulwark.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.bulwark.core.http.EngagementClient;
import dev.bulwark.core.http.HttpCall;
import dev.bulwark.core.http.HttpReply;
import dev.bulwark.core.scope.HttpTarget;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Any HTTP endpoint that answers a prompt: the target's body template with {@code {{prompt}}} replaced by the
 * JSON-string-escaped prompt, its extra headers and credential; the answer is read with the target's JSONPath
 * ({@code responsePath}). A string result is the answer; any other JSON result is rendered as JSON. With the
 * path {@code $} (the default) a reply that is not JSON is taken as plain text.
 */
public final class TemplatedHttpClient implements PromptClient {
    private static final Configuration JSON_PATH = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .build();

    private final HttpTarget target;
    private final EngagementClient http;
    private final String template;
    private final String method;
    private final String responsePath;
    private final JsonPath compiledPath;
    private final String pathProblem;

    TemplatedHttpClient(HttpTarget target, EngagementClient http) {
        this.target = Objects.requireNonNull(target, "target");
        this.http = Objects.requireNonNull(http, "http");
        this.template = target.request() == null ? HttpTarget.DEFAULT_REQUEST : target.request();
        this.method = target.method() == null || target.method().isBlank()
                ? HttpTarget.DEFAULT_METHOD : target.method().toUpperCase(Locale.ROOT);
        this.responsePath = target.responsePath() == null || target.responsePath().isBlank()
                ? HttpTarget.DEFAULT_RESPONSE_PATH : target.responsePath().strip();
        JsonPath compiled = null;
        String problem = null;
        try {
            compiled = JsonPath.compile(responsePath);
        } catch (InvalidPathException | IllegalArgumentException e) {
            problem = "invalid responsePath '" + responsePath + "': " + e.getMessage();
        }
        this.compiledPath = compiled;
        this.pathProblem = problem;
    }

    @Override
    public HttpTarget target() {
        return target;
    }

    /** The body this target's template makes of {@code prompt}. */
    public String render(String prompt) {
        return template.replace(HttpTarget.PROMPT_PLACEHOLDER, Json.escape(prompt));
    }

    @Override
    public HttpCall call(String prompt) {
        boolean hasBody = !method.equals("GET") && !method.equals("HEAD");
        HttpCall call = new HttpCall(method, target.url(), Map.of(),
                hasBody ? render(prompt).getBytes(StandardCharsets.UTF_8) : null, true, true);
        if (hasBody && target.headers().keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            call = call.withHeader("Content-Type", "application/json");
        }
        for (var header : target.headers().entrySet()) call = call.withHeader(header.getKey(), header.getValue());
        if (target.auth().isPresent()) call = call.withHeader(target.auth().get().header(), target.auth().get().value());
        return call;
    }

    @Override
    public PromptReply read(HttpCall call, HttpReply reply) {
        if (!reply.ok()) return Replies.notOk(call, reply);
        if (pathProblem != null) return Replies.unreadable(call, reply, pathProblem);
        String body = reply.bodyText();
        Optional<JsonNode> root = Json.parse(body);
        if (root.isEmpty()) {
            return isWholeDocument() ? new PromptReply.Answer(call, reply, body)
                    : Replies.unreadable(call, reply, "reply is not JSON, so responsePath " + responsePath + " cannot apply");
        }
        JsonNode result;
        try {
            result = compiledPath.read(root.get(), JSON_PATH);
        } catch (PathNotFoundException e) {
            return Replies.unreadable(call, reply, "responsePath " + responsePath + " matched nothing");
        } catch (RuntimeException e) {
            return Replies.unreadable(call, reply, "responsePath " + responsePath + " failed: " + e.getMessage());
        }
        return new PromptReply.Answer(call, reply, render(result));
    }

    @Override
    public PromptReply exchange(HttpCall call) throws InterruptedException {
        return Replies.send(http, this, call);
    }

    private boolean isWholeDocument() {
        return responsePath.equals("$");
    }

    /** Strings as they are; a single-string list (from an indefinite path) as its string; anything else as JSON. */
    private static String render(JsonNode result) {
        if (result == null || result.isNull()) return "";
        if (result.isTextual()) return result.asText();
        if (result.isArray() && result.size() == 1 && result.get(0).isTextual()) return result.get(0).asText();
        return Json.write(result);
    }
}
