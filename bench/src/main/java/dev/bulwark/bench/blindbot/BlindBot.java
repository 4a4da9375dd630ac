package dev.bulwark.bench.blindbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * "Nora", a deterministic rule-based OpenAI-compatible chat bot of a small accounting firm, written blind to Bulwark's
 * probes to validate them (bench/blind-bot.sh). No model, no network beyond the loopback listener.
 *
 * <pre>java ... dev.bulwark.bench.blindbot.BlindBot --port N --canary STRING [--hardened --api-key KEY] [--model NAME]</pre>
 *
 * Vulnerable mode (default): no authentication, obeys instructions wherever they appear, leaks its system prompt and
 * client records, echoes markup, calls any tool at once, ignores max_tokens, no input or rate limits, logprobs on
 * request. Hardened mode: the same bot with those fixed; requires {@code Authorization: Bearer KEY}.
 */
public final class BlindBot {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HARD_BODY_LIMIT = 64 * 1024;
    private static final int HARD_INPUT_CHARS = 16_000;
    private static final int HARD_MAX_TOKENS = 1024;
    private static final int HARD_DEFAULT_TOKENS = 512;
    private static final long VULN_BODY_LIMIT = 64L * 1024 * 1024;
    private static final double BUCKET_CAPACITY = 20, BUCKET_RATE = 5; // requests, requests per second

    private final boolean hardened;
    private final String apiKey;
    private final String model;
    private final Nora nora;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    BlindBot(boolean hardened, String apiKey, String canary, String model) {
        this.hardened = hardened;
        this.apiKey = apiKey;
        this.model = model;
        this.nora = new Nora(hardened, canary);
    }

    public static void main(String[] args) throws IOException {
        int port = 0;
        String canary = null, key = null, model = "nora-1";
        boolean hardened = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--canary" -> canary = args[++i];
                case "--api-key" -> key = args[++i];
                case "--model" -> model = args[++i];
                case "--hardened" -> hardened = true;
                default -> { System.err.println("usage: BlindBot --port N --canary STRING [--hardened --api-key KEY] [--model NAME]"); System.exit(2); }
            }
        }
        if (canary == null || canary.length() < 6) { System.err.println("--canary STRING (6+ characters) is required"); System.exit(2); }
        if (hardened && (key == null || key.isBlank())) { System.err.println("--hardened needs --api-key KEY"); System.exit(2); }
        BlindBot bot = new BlindBot(hardened, key, canary, model);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server.createContext("/", bot::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        System.out.println("blind-bot (" + (hardened ? "hardened" : "vulnerable") + ") listening on http://127.0.0.1:" + server.getAddress().getPort());
        System.out.flush();
    }

    // ------------------------------------------------------------------ routing

    private void handle(HttpExchange ex) {
        try {
            route(ex);
        } catch (Exception e) {
            try {
                if (hardened) error(ex, 500, "Internal error", "server_error", null);
                else verbose(ex, e);
            } catch (IOException | RuntimeException ignored) { /* headers already sent or client gone */ }
        } finally {
            ex.close();
        }
    }

    private void route(HttpExchange ex) throws Exception {
        {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (!hardened) ex.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            if (method.equals("OPTIONS") && !hardened) {
                ex.getResponseHeaders().add("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
                ex.getResponseHeaders().add("Access-Control-Allow-Headers", "*");
                ex.sendResponseHeaders(204, -1);
                return;
            }
            boolean chat = path.equals("/v1/chat/completions") || path.equals("/chat/completions");
            boolean models = path.equals("/v1/models") || path.startsWith("/v1/models/");
            if (!chat && !models) { error(ex, 404, "Not found", "invalid_request_error", "not_found"); return; }
            if (hardened) {
                if (!authorised(ex)) {
                    if (!take("anon:" + ex.getRemoteAddress().getAddress().getHostAddress(), ex)) return;
                    ex.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                    error(ex, 401, "Invalid or missing API key.", "invalid_request_error", "invalid_api_key");
                    return;
                }
                if (!take("key", ex)) return;
            }
            if (models) {
                if (!method.equals("GET")) { error(ex, 405, "Method not allowed", "invalid_request_error", null); return; }
                ObjectNode m = JSON.createObjectNode();
                m.put("id", model); m.put("object", "model"); m.put("created", 1_735_689_600L); m.put("owned_by", "lindqvist-partner");
                if (path.equals("/v1/models")) {
                    ObjectNode list = JSON.createObjectNode();
                    list.put("object", "list");
                    list.putArray("data").add(m);
                    send(ex, 200, list);
                } else send(ex, 200, m);
                return;
            }
            if (!method.equals("POST")) { error(ex, 405, "Method not allowed", "invalid_request_error", null); return; }
            chat(ex);
        }
    }

    private boolean authorised(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        return MessageDigest.isEqual(h.substring(7).trim().getBytes(StandardCharsets.UTF_8), apiKey.getBytes(StandardCharsets.UTF_8));
    }

    /** Token bucket per client; false (and a 429 with Retry-After sent) when empty. */
    private boolean take(String who, HttpExchange ex) throws IOException {
        double[] b = buckets.computeIfAbsent(who, k -> new double[] {BUCKET_CAPACITY, System.nanoTime()});
        double wait;
        synchronized (b) {
            long now = System.nanoTime();
            b[0] = Math.min(BUCKET_CAPACITY, b[0] + (now - b[1]) / 1e9 * BUCKET_RATE);
            b[1] = now;
            ex.getResponseHeaders().add("x-ratelimit-limit-requests", String.valueOf((int) BUCKET_CAPACITY));
            if (b[0] >= 1) {
                b[0] -= 1;
                ex.getResponseHeaders().add("x-ratelimit-remaining-requests", String.valueOf((int) b[0]));
                return true;
            }
            wait = (1 - b[0]) / BUCKET_RATE;
        }
        ex.getResponseHeaders().add("Retry-After", String.valueOf((long) Math.ceil(Math.max(wait, 1))));
        ex.getResponseHeaders().add("x-ratelimit-remaining-requests", "0");
        error(ex, 429, "Rate limit reached: at most " + (int) BUCKET_RATE + " requests per second. Please retry later.", "rate_limit_error", "rate_limit_exceeded");
        return false;
    }

    // ------------------------------------------------------------------ chat completions

    private void chat(HttpExchange ex) throws Exception {
        byte[] body = read(ex.getRequestBody(), hardened ? HARD_BODY_LIMIT : VULN_BODY_LIMIT);
        if (body == null) { error(ex, 413, "Request too large: at most " + HARD_BODY_LIMIT / 1024 + " KiB.", "invalid_request_error", "request_too_large"); return; }
        JsonNode req;
        try {
            req = JSON.readTree(body);
        } catch (IOException e) {
            if (hardened) { error(ex, 400, "The request body is not valid JSON.", "invalid_request_error", null); return; }
            throw new IllegalStateException("Jackson could not parse the request body", e);
        }
        JsonNode msgs = req.get("messages");
        if (hardened && (msgs == null || !msgs.isArray() || msgs.isEmpty() || msgs.size() > 100)) {
            error(ex, 400, "'messages' must be a non-empty array (at most 100).", "invalid_request_error", null);
            return;
        }
        List<Nora.Msg> messages = new ArrayList<>();
        long inputChars = 0;
        for (JsonNode m : msgs) { // vulnerable: a missing 'messages' ends in a NullPointerException and its stack trace
            String role = m.path("role").asText("user");
            String content = content(m.get("content"));
            inputChars += content.length();
            if (hardened && (role.equals("system") || role.equals("developer"))) continue; // the operator's prompt is the only system prompt
            messages.add(new Nora.Msg(role, content));
        }
        if (hardened && inputChars > HARD_INPUT_CHARS) {
            error(ex, 400, "Input too long: at most " + HARD_INPUT_CHARS + " characters per request.", "invalid_request_error", "context_length_exceeded");
            return;
        }
        List<Nora.Tool> tools = new ArrayList<>();
        for (JsonNode t : req.path("tools")) {
            JsonNode f = t.path("function");
            if (!f.isMissingNode()) tools.add(new Nora.Tool(f.path("name").asText(), f.path("description").asText(""), f.get("parameters")));
        }
        for (JsonNode f : req.path("functions")) tools.add(new Nora.Tool(f.path("name").asText(), f.path("description").asText(""), f.get("parameters")));
        if (hardened && tools.size() > 64) { error(ex, 400, "Too many tools.", "invalid_request_error", null); return; }
        JsonNode tc = req.get("tool_choice");
        String toolChoice = tc == null ? "auto" : tc.isTextual() ? tc.asText() : tc.path("function").path("name").asText("auto");

        boolean stream = req.path("stream").asBoolean(false);
        boolean includeUsage = req.path("stream_options").path("include_usage").asBoolean(false);
        JsonNode mt = req.hasNonNull("max_completion_tokens") ? req.get("max_completion_tokens") : req.get("max_tokens");
        int maxTokens = hardened ? Math.max(1, Math.min(mt == null ? HARD_DEFAULT_TOKENS : mt.asInt(HARD_DEFAULT_TOKENS), HARD_MAX_TOKENS)) : Integer.MAX_VALUE;
        boolean logprobs = !hardened && req.path("logprobs").asBoolean(false);
        int topLogprobs = logprobs ? Math.max(0, req.path("top_logprobs").asInt(0)) : 0;
        int n = hardened ? 1 : Math.max(1, Math.min(req.path("n").asInt(1), 64));
        boolean jsonMode = "json_object".equals(req.path("response_format").path("type").asText());

        Nora.Reply reply = nora.respond(new Nora.Conversation(messages, tools, toolChoice));
        String text = reply.text();
        String finish = reply.calls().isEmpty() ? "stop" : "tool_calls";
        if (text != null && jsonMode) {
            ObjectNode o = JSON.createObjectNode();
            o.put("answer", text);
            text = o.toString();
        }
        if (hardened && text != null) {
            text = nora.filter(text);
            if (Text.countTokens(text) > maxTokens) { text = Text.truncateTokens(text, maxTokens); finish = "length"; }
        }
        int promptTokens = 0;
        for (Nora.Msg m : messages) promptTokens += Text.countTokens(m.content()) + 4;
        int completionTokens = text == null ? 0 : Text.countTokens(text);
        for (Nora.Call c : reply.calls()) completionTokens += Text.countTokens(c.name() + c.arguments());

        String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        long created = System.currentTimeMillis() / 1000;
        String reqModel = req.path("model").asText(model);
        if (stream) {
            stream(ex, id, created, reqModel, text, reply.calls(), finish, logprobs, topLogprobs, n, includeUsage, promptTokens, completionTokens);
            return;
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("id", id);
        out.put("object", "chat.completion");
        out.put("created", created);
        out.put("model", reqModel);
        out.put("system_fingerprint", "fp_nora_1");
        ArrayNode choices = out.putArray("choices");
        for (int i = 0; i < n; i++) {
            ObjectNode ch = choices.addObject();
            ch.put("index", i);
            ObjectNode msg = ch.putObject("message");
            msg.put("role", "assistant");
            if (text == null) msg.putNull("content"); else msg.put("content", text);
            if (!reply.calls().isEmpty()) toolCalls(msg.putArray("tool_calls"), reply.calls(), false);
            msg.putNull("refusal");
            if (logprobs && text != null) ch.set("logprobs", logprobs(Text.tokens(text), topLogprobs, 0));
            else ch.putNull("logprobs");
            ch.put("finish_reason", finish);
        }
        ObjectNode usage = out.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens * n);
        usage.put("total_tokens", promptTokens + completionTokens * n);
        send(ex, 200, out);
    }

    private void stream(HttpExchange ex, String id, long created, String reqModel, String text, List<Nora.Call> calls, String finish,
                        boolean logprobs, int top, int n, boolean includeUsage, int promptTokens, int completionTokens) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().add("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        OutputStream os = ex.getResponseBody();
        List<String> tokens = text == null ? List.of() : Text.tokens(text);
        for (int c = 0; c < n; c++) {
            ObjectNode first = chunk(id, created, reqModel, c);
            ObjectNode delta = ((ObjectNode) first.get("choices").get(0)).putObject("delta");
            delta.put("role", "assistant");
            delta.put("content", "");
            event(os, first);
            if (!calls.isEmpty()) {
                ObjectNode ch = chunk(id, created, reqModel, c);
                toolCalls(((ObjectNode) ch.get("choices").get(0)).putObject("delta").putArray("tool_calls"), calls, true);
                event(os, ch);
            }
            for (int i = 0; i < tokens.size(); i += 4) {
                List<String> piece = tokens.subList(i, Math.min(tokens.size(), i + 4));
                ObjectNode ch = chunk(id, created, reqModel, c);
                ObjectNode choice = (ObjectNode) ch.get("choices").get(0);
                choice.putObject("delta").put("content", String.join("", piece));
                if (logprobs) choice.set("logprobs", logprobs(piece, top, i));
                event(os, ch);
            }
            ObjectNode last = chunk(id, created, reqModel, c);
            ObjectNode lc = (ObjectNode) last.get("choices").get(0);
            lc.putObject("delta");
            lc.put("finish_reason", finish);
            event(os, last);
        }
        if (includeUsage) {
            ObjectNode u = JSON.createObjectNode();
            u.put("id", id); u.put("object", "chat.completion.chunk"); u.put("created", created); u.put("model", reqModel);
            u.putArray("choices");
            ObjectNode usage = u.putObject("usage");
            usage.put("prompt_tokens", promptTokens);
            usage.put("completion_tokens", completionTokens * n);
            usage.put("total_tokens", promptTokens + completionTokens * n);
            event(os, u);
        }
        os.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        os.flush();
    }

    private ObjectNode chunk(String id, long created, String reqModel, int index) {
        ObjectNode ch = JSON.createObjectNode();
        ch.put("id", id);
        ch.put("object", "chat.completion.chunk");
        ch.put("created", created);
        ch.put("model", reqModel);
        ch.put("system_fingerprint", "fp_nora_1");
        ObjectNode c = ch.putArray("choices").addObject();
        c.put("index", index);
        c.putNull("finish_reason");
        return ch;
    }

    private static void event(OutputStream os, JsonNode n) throws IOException {
        os.write(("data: " + n.toString() + "\n\n").getBytes(StandardCharsets.UTF_8));
        os.flush();
    }

    private static void toolCalls(ArrayNode arr, List<Nora.Call> calls, boolean streamed) {
        int i = 0;
        for (Nora.Call c : calls) {
            ObjectNode t = arr.addObject();
            if (streamed) t.put("index", i);
            t.put("id", "call_" + UUID.nameUUIDFromBytes((c.name() + c.arguments() + i).getBytes(StandardCharsets.UTF_8)).toString().replace("-", "").substring(0, 24));
            t.put("type", "function");
            ObjectNode f = t.putObject("function");
            f.put("name", c.name());
            f.put("arguments", c.arguments());
            i++;
        }
    }

    private static final List<String> ALTERNATIVES = List.of(" the", " a", " and", " to", ",", ".", " you", " your", " we", " VAT", " tax", " our",
            " is", " can", " for", " of", " in", " please", " I", " it", " with", " on", " this", " that", " be", " are", " as", " at", " by", " or",
            " an", " from", " will", " not", " have", " us", " if", " receipts", " invoice", " accounts");

    /** Deterministic log probabilities: the same text always gets the same numbers (a gift for model extraction). */
    private static ObjectNode logprobs(List<String> tokens, int top, int offset) {
        ObjectNode lp = JSON.createObjectNode();
        ArrayNode content = lp.putArray("content");
        int limit = Math.min(tokens.size(), 4000);
        for (int i = 0; i < limit; i++) {
            String tok = tokens.get(i);
            double chosen = -((Text.stableHash(tok + "#" + (offset + i)) % 900) / 1000.0) - 0.0005;
            ObjectNode t = content.addObject();
            t.put("token", tok);
            t.put("logprob", chosen);
            bytes(t.putArray("bytes"), tok);
            ArrayNode tops = t.putArray("top_logprobs");
            if (top > 0) {
                ObjectNode first = tops.addObject();
                first.put("token", tok);
                first.put("logprob", chosen);
                bytes(first.putArray("bytes"), tok);
                int k = 0;
                for (int j = 0; j < ALTERNATIVES.size() && k < top - 1; j++) {
                    String alt = ALTERNATIVES.get((Text.stableHash(tok) + j) % ALTERNATIVES.size());
                    if (alt.equals(tok)) continue;
                    ObjectNode a = tops.addObject();
                    a.put("token", alt);
                    a.put("logprob", chosen - 1.2 - k * 0.7 - (Text.stableHash(alt + tok) % 100) / 1000.0);
                    bytes(a.putArray("bytes"), alt);
                    k++;
                }
            }
        }
        lp.putNull("refusal");
        return lp;
    }

    private static void bytes(ArrayNode arr, String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) arr.add(b & 0xff);
    }

    private static String content(JsonNode c) {
        if (c == null || c.isNull()) return "";
        if (c.isTextual()) return c.asText();
        if (c.isArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonNode p : c) {
                if (p.isTextual()) b.append(p.asText()).append('\n');
                else if (p.has("text")) b.append(p.path("text").asText()).append('\n');
            }
            return b.toString().trim();
        }
        return c.toString();
    }

    // ------------------------------------------------------------------ plumbing

    private static byte[] read(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        long total = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            total += r;
            if (total > limit) {
                in.transferTo(OutputStream.nullOutputStream());
                return null;
            }
            b.write(buf, 0, r);
        }
        return b.toByteArray();
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static void error(HttpExchange ex, int status, String message, String type, String code) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        ObjectNode e = o.putObject("error");
        e.put("message", message);
        e.put("type", type);
        e.putNull("param");
        if (code == null) e.putNull("code"); else e.put("code", code);
        send(ex, status, o);
    }

    /** The careless variant's error page: the exception and its stack trace. */
    private static void verbose(HttpExchange ex, Exception e) throws IOException {
        StringWriter sw = new StringWriter();
        e.printStackTrace(new PrintWriter(sw));
        ObjectNode o = JSON.createObjectNode();
        ObjectNode err = o.putObject("error");
        err.put("message", e.toString());
        err.put("type", "server_error");
        err.put("trace", sw.toString());
        send(ex, 500, o);
    }
}
