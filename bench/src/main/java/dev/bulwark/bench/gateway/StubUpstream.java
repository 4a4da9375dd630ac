package dev.bulwark.bench.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;

/**
 * A fast local OpenAI-style upstream for the gateway benchmarks: answers {@code /v1/chat/completions} at once with
 * a short reply (or, with {@code "stream": true}, a few SSE chunks {@code chunkDelayMillis} apart), so what the
 * benchmark measures is the gateway, not a model. Usage: StubUpstream PORT [CHUNK_DELAY_MS]
 */
public final class StubUpstream {
    static final String REPLY = "{\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"stub\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Our shop is open Monday to "
            + "Saturday from 9am to 6pm. Repairs usually take two to three working days.\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":24,\"completion_tokens\":22,\"total_tokens\":46}}";
    private static final String[] PIECES = {"Our shop is open ", "Monday to Saturday ", "from 9am to 6pm. ",
            "Repairs usually take ", "two to three working days."};

    private StubUpstream() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long chunkDelay = args.length > 1 ? Long.parseLong(args[1]) : 20;
        HttpServer server = start(Vertx.vertx(), port, chunkDelay);
        System.out.println("stub upstream on http://127.0.0.1:" + server.actualPort());
        Thread.currentThread().join();
    }

    static HttpServer start(Vertx vertx, int port, long chunkDelayMillis) throws Exception {
        return vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            HttpServerResponse res = req.response();
            if (req.path().endsWith("/models")) {
                res.putHeader("content-type", "application/json")
                        .end("{\"object\":\"list\",\"data\":[{\"id\":\"stub\",\"object\":\"model\"}]}");
            } else if (body.toString().contains("\"stream\":true") || body.toString().contains("\"stream\": true")) {
                res.setChunked(true).putHeader("content-type", "text/event-stream");
                res.write(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
                stream(vertx, res, 0, chunkDelayMillis);
            } else {
                res.putHeader("content-type", "application/json").end(REPLY);
            }
        })).listen(port, "127.0.0.1").await();
    }

    private static void stream(Vertx vertx, HttpServerResponse res, int next, long delay) {
        if (next == PIECES.length) {
            res.write(chunk("{}", "stop"));
            res.end("data: [DONE]\n\n");
            return;
        }
        vertx.setTimer(Math.max(1, delay), t -> {
            res.write(chunk("{\"content\":\"" + PIECES[next] + "\"}", null));
            stream(vertx, res, next + 1, delay);
        });
    }

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"stub\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
    }
}
