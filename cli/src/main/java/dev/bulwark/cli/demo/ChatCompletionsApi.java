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

    private final Molly molly;
    private final Clock clock;

    ChatCompletionsApi(Molly molly, Clock clock) {
        this.molly = molly;
        this.clock = clock;
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
        String answer = molly.answer(question);
        String finish = "stop";
        if (request.maxTokens() != null && Text.tokens(answer) > request.maxTokens()) {
            answer = firstWords(answer, request.maxTokens());
            finish = "length";
        }
        String id = "chatcmpl-" + digest(question.text());
        long created = clock.instant().getEpochSecond();
        if (request.stream()) {
            stream(ctx.response(), id, created, answer, finish);
        } else {
            ctx.json(OpenAiJson.completion(id, created, answer, finish, request.promptTokens()));
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
