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
import dev.bulwark.core.scope.SessionRecipe;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Any HTTP endpoint that answers a prompt: the target's body template with {@code {{prompt}}} replaced by the
 * JSON-string-escaped prompt, its extra headers and credential; the answer is read with the target's JSONPath
 * ({@code responsePath}). A string result is the answer; any other JSON result is rendered as JSON. With the
 * path {@code $} (the default) a reply that is not JSON is taken as plain text. A target with {@code stream: true}
 * is read event by event ({@link ServerSentEvents}); one with a {@code session} logs in first ({@link HttpSession})
 * and fills the session's {@code {{name}}} variables and cookies into every request.
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
    private final HttpSession session;
    private final boolean anonymous;

    TemplatedHttpClient(HttpTarget target, EngagementClient http) {
        this(target, http, false);
    }

    private TemplatedHttpClient(HttpTarget target, EngagementClient http, boolean anonymous) {
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
        this.anonymous = anonymous;
        this.session = anonymous ? null : target.session().map(recipe -> new HttpSession(recipe, http)).orElse(null);
    }

    @Override
    public PromptClient anonymous() {
        return new TemplatedHttpClient(target, http, true);
    }

    @Override
    public HttpTarget target() {
        return target;
    }

    /** The body this target's template makes of {@code prompt}. */
    public String render(String prompt) {
        String filled = session != null ? session.fill(template, true) : anonymous ? unfilled(template) : template;
        return filled.replace(HttpTarget.PROMPT_PLACEHOLDER, Json.escape(prompt));
    }

    @Override
    public HttpCall call(String prompt) {
        // a failed login still yields a call: the target then refuses it, and read() names the login as the cause
        if (session != null) session.ensureOpen();
        boolean hasBody = !method.equals("GET") && !method.equals("HEAD");
        HttpCall call = new HttpCall(method, target.url(), Map.of(),
                hasBody ? render(prompt).getBytes(StandardCharsets.UTF_8) : null, true, true);
        if (hasBody && target.headers().keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            call = call.withHeader("Content-Type", "application/json");
        }
        for (var header : target.headers().entrySet()) {
            if (anonymous && (Credentials.isCredentialHeader(header.getKey(), target)
                    || SessionRecipe.REFERENCE.matcher(header.getValue()).find())) {
                continue; // a credential, or a header that only a login could fill
            }
            call = call.withHeader(header.getKey(), session == null ? header.getValue() : session.fill(header.getValue(), false));
        }
        if (session != null && session.cookieHeader().isPresent()) call = call.withHeader("Cookie", session.cookieHeader().get());
        if (target.auth().isPresent() && !anonymous) {
            call = call.withHeader(target.auth().get().header(), target.auth().get().value());
        }
        return call;
    }

    /** Session placeholders ({@code {{token}}}) left empty, as a caller without a session would send them. */
    private static String unfilled(String template) {
        Matcher m = SessionRecipe.REFERENCE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, m.group(1).equals("prompt") ? Matcher.quoteReplacement(m.group()) : "");
        m.appendTail(out);
        return out.toString();
    }

    /** A form takes one prompt per request: only the last user turn goes out (no session keeps the rest). */
    @Override
    public HttpCall call(List<Message> conversation) {
        return call(Message.lastUserTurn(conversation));
    }

    @Override
    public boolean keepsHistory() {
        return false;
    }

    @Override
    public PromptReply read(HttpCall call, HttpReply reply) {
        if (session != null) {
            session.absorb(reply);
            if (reply.status() == 401 || reply.status() == 403) session.invalidate();
            if (!reply.ok() && !session.problem().isEmpty()) {
                return new PromptReply.Failure(call, reply, dev.bulwark.core.Verdict.ERROR,
                        session.problem() + "; the target answered HTTP " + reply.status());
            }
        }
        if (!reply.ok()) return Replies.notOk(call, reply);
        if (pathProblem != null) return Replies.unreadable(call, reply, pathProblem);
        if (target.stream() && ServerSentEvents.isStream(reply)) return ServerSentEvents.answer(call, reply, this::piece);
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

    /** One streamed event: {@code responsePath} applied to its JSON; text that is not JSON is a piece as it is. */
    private ServerSentEvents.Piece piece(String payload) {
        Optional<JsonNode> root = Json.parse(payload);
        if (root.isEmpty()) return new ServerSentEvents.Piece.Text(payload);
        try {
            return new ServerSentEvents.Piece.Text(render((JsonNode) compiledPath.read(root.get(), JSON_PATH)));
        } catch (PathNotFoundException e) {
            return new ServerSentEvents.Piece.Nothing();
        } catch (RuntimeException e) {
            return new ServerSentEvents.Piece.Error("responsePath " + responsePath + " failed: " + e.getMessage());
        }
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
