package dev.bulwark.cli.demo;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code POST /v1/chat/completions}: a JSON completion, or server-sent events when {@code stream} is true. */
final class ChatCompletionsApi implements Handler<RoutingContext> {
    private static final Pattern WORD = Pattern.compile("\\S+\\s*");
    private static final int WORDS_PER_CHUNK = 3;

    /**
     * Hardened mode's own output cap, whatever the client asks: a short support answer never needs more, and it
     * keeps one request from running up the bill.
     */
    static final int HARDENED_OUTPUT_CAP = 400;

    private final Molly molly;
    private final Clock clock;
    private final boolean vulnerable;

    ChatCompletionsApi(Molly molly, Clock clock, boolean vulnerable) {
        this.molly = molly;
        this.clock = clock;
        this.vulnerable = vulnerable;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ChatRequest request;
        try {
            request = ChatRequest.parse(ctx.body().asJsonObject());
        } catch (RuntimeException e) {
            ctx.fail(400, e);
            return;
        }
        Question question = request.question();
        String id = "chatcmpl-" + digest(question.text());
        long created = clock.instant().getEpochSecond();
        ToolUse.Decision tools = ToolUse.decide(request.toolNames(), question.text(), vulnerable);
        if (tools instanceof ToolUse.Decision.CallTool call && !request.stream()) {
            ctx.json(OpenAiJson.toolCall(id, created, call.name(), request.promptTokens()));
            return;
        }
        String answer = tools instanceof ToolUse.Decision.Say say ? say.text() : molly.answer(question);
        String finish = "stop";
        // Vulnerable: max_tokens is ignored and nothing caps the output (output amplification).
        Integer cap = vulnerable ? null : request.maxTokens() == null ? Integer.valueOf(HARDENED_OUTPUT_CAP)
                : Integer.valueOf(Math.min(request.maxTokens(), HARDENED_OUTPUT_CAP));
        if (cap != null && Text.tokens(answer) > cap) {
            answer = firstWords(answer, cap);
            finish = "length";
        }
        if (request.stream()) {
            stream(ctx.response(), id, created, answer, finish);
        } else {
            JsonObject completion = OpenAiJson.completion(id, created, answer, finish, request.promptTokens());
            // Vulnerable: log-probabilities for anyone who asks (model extraction exposure).
            ctx.json(vulnerable && request.logprobs() ? OpenAiJson.withLogprobs(completion, answer) : completion);
        }
    }

    /** Writes the answer as SSE chunks of a few words each; the chunks concatenate to exactly {@code answer}. */
    private static void stream(HttpServerResponse res, String id, long created, String answer, String finish) {
        res.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache");
        res.write(event(OpenAiJson.chunk(id, created, new JsonObject().put("role", "assistant"), null)));
        Matcher m = WORD.matcher(answer);
        int from = 0;
        int words = 0;
        while (m.find()) {
            if (++words % WORDS_PER_CHUNK == 0) {
                res.write(event(contentChunk(id, created, answer.substring(from, m.end()))));
                from = m.end();
            }
        }
        if (from < answer.length()) res.write(event(contentChunk(id, created, answer.substring(from))));
        res.write(event(OpenAiJson.chunk(id, created, new JsonObject(), finish)));
        res.end("data: [DONE]\n\n");
    }

    private static JsonObject contentChunk(String id, long created, String text) {
        return OpenAiJson.chunk(id, created, new JsonObject().put("content", text), null);
    }

    private static String event(JsonObject data) {
        return "data: " + data.encode() + "\n\n";
    }

    static String firstWords(String text, int n) {
        Matcher m = Pattern.compile("\\S+").matcher(text);
        int end = 0;
        for (int i = 0; i < n && m.find(); i++) end = m.end();
        return text.substring(0, end);
    }

    /** A stable completion id: the same question always gets the same id, like everything else here. */
    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
