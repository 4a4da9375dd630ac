package dev.bulwark.guard.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.pipeline.AuditEvent;
import dev.bulwark.guard.pipeline.Decision;
import dev.bulwark.guard.pipeline.ExtractionMonitor.Level;
import dev.bulwark.guard.pipeline.ExtractionMonitor.MonitorVerdict;
import dev.bulwark.guard.pipeline.InputFilter;
import dev.bulwark.guard.pipeline.Refusal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each step of the request pipeline refusing, or letting through, as its protection decides; always audited. */
class PipelineBranchesTest extends GatewayTestBase {

    @Test
    void allowedChatIsForwardedWithHeadersUsageAndOneAuditRecord() throws Exception {
        start();
        HttpResponse<String> response = post("/v1/chat/completions", chat("gpt-test", false));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("choices").path(0).path("message").path("content").asText()).isEqualTo("Hi from upstream");
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
        assertThat(response.headers().firstValue("ratelimit-limit")).contains("60");
        assertThat(response.headers().firstValue("ratelimit-remaining")).contains("59");
        assertThat(response.headers().firstValue("ratelimit-reset")).contains("1");
        AuditEvent event = fakes.audit.next();
        assertThat(event.outcome()).isEqualTo("allowed");
        assertThat(event.status()).isEqualTo(200);
        assertThat(event.requestId()).isEqualTo(response.headers().firstValue("x-request-id").orElseThrow());
        assertThat(event.clientId()).isEqualTo("app");
        assertThat(event.model()).isEqualTo("gpt-test");
        assertThat(event.upstream()).isEqualTo("main");
        assertThat(event.promptTokens()).isEqualTo(7);
        assertThat(event.completionTokens()).isEqualTo(5);
        assertThat(event.input()).isEqualTo("kept:9"); // the audit-text function saw "Say hello"
        assertThat(((Fakes.CountingLimiter) fakes.limiter).settledTokens.get()).isEqualTo(12);
    }

    @Test
    void missingOrWrongKeyIs401AndNeverReachesUpstream() throws Exception {
        start();
        HttpResponse<String> none = post("/v1/chat/completions", chat("gpt-test", false), null);
        HttpResponse<String> wrong = post("/v1/chat/completions", chat("gpt-test", false), "Bearer nope");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(errorCode(wrong)).isEqualTo("invalid_api_key");
        assertThat(wrong.headers().firstValue("www-authenticate")).contains("Bearer");
        assertThat(fakes.audit.next().outcome()).isEqualTo("unauthenticated");
        assertThat(stub.receivedBodies).isEmpty();
    }

    @Test
    void forbiddenModelIs403() throws Exception {
        start();
        HttpResponse<String> response = post("/v1/chat/completions", chat("forbidden-model", false));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(errorCode(response)).isEqualTo("model_not_allowed");
        assertThat(fakes.audit.next().outcome()).isEqualTo("forbidden");
    }

    @Test
    void bodyOverTheLimitIs413Json() throws Exception {
        fakes.maxBytes = 100;
        start();
        HttpResponse<String> response = post("/v1/chat/completions", chat("x".repeat(200), false));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(errorCode(response)).isEqualTo("request_too_large");
        AuditEvent event = fakes.audit.next();
        assertThat(event.outcome()).isEqualTo("blocked");
        assertThat(event.decisions()).extracting(Decision::detector).contains("size");
    }

    @Test
    void refusedByTheLimiterIs429WithRetryAfterAndRateLimitHeaders() throws Exception {
        fakes.limiter = new Fakes.CountingLimiter(false);
        start();
        HttpResponse<String> response = post("/v1/chat/completions", chat("gpt-test", false));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(errorCode(response)).isEqualTo("rate_limit_exceeded");
        assertThat(response.headers().firstValue("retry-after")).contains("30");
        assertThat(response.headers().firstValue("ratelimit-limit")).contains("60");
        assertThat(response.headers().firstValue("ratelimit-remaining")).contains("0");
        assertThat(response.headers().firstValue("ratelimit-reset")).contains("30");
        assertThat(fakes.audit.next().outcome()).isEqualTo("throttled");
        assertThat(stub.receivedBodies).isEmpty();
    }

    @Test
    void invalidJsonNonObjectsAndDeepNestingAre400() throws Exception {
        start();
        String deep = "{\"a\":" + "[".repeat(70) + "]".repeat(70) + "}";
        for (String body : List.of("{not json", "[1,2]", "\"text\"", deep, "{\"a\":1}{\"b\":2}", "{\"a\":1,\"a\":2}")) {
            HttpResponse<String> response = post("/v1/chat/completions", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(errorCode(response)).isEqualTo("invalid_json");
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
        }
        assertThat(json(post("/v1/chat/completions", deep)).path("error").path("message").asText()).contains("64");
    }

    @Test
    void inputFilterRefusalIsSentAsIsAndAudited() throws Exception {
        fakes.input = (route, body, caller) -> new InputFilter.InputVerdict(
                Optional.of(Refusal.of(400, "invalid_request_error", "prompt_injection", "Prompt injection detected.")),
                body, List.of(new Decision("input", "injection", "blocked", 0.97, 1, "rule:ignore-previous")), "");
        start();
        HttpResponse<String> response = post("/v1/chat/completions", chat("gpt-test", false));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("prompt_injection");
        AuditEvent event = fakes.audit.next();
        assertThat(event.outcome()).isEqualTo("blocked");
        assertThat(event.decisions()).extracting(Decision::detector).containsExactly("injection");
        assertThat(stub.receivedBodies).isEmpty();
    }

    @Test
    void inputFilterRewriteIsWhatGoesUpstreamAndRunsOffTheEventLoop() throws Exception {
        String[] thread = new String[1];
        fakes.input = (route, body, caller) -> {
            thread[0] = Thread.currentThread().getName();
            body.put("max_tokens", 64);
            return new InputFilter.InputVerdict(Optional.empty(), body, List.of(), "Say hello");
        };
        start();
        assertThat(post("/v1/chat/completions", chat("gpt-test", false)).statusCode()).isEqualTo(200);
        assertThat(stub.receivedBodies.poll()).contains("\"max_tokens\":64");
        assertThat(thread[0]).doesNotContain("eventloop");
    }

    @Test
    void scannerExceptionFailsClosedWith503AndIsAudited() throws Exception {
        fakes.input = (route, body, caller) -> {
            throw new IllegalStateException("model file missing at /opt/secret/path");
        };
        start();
        HttpResponse<String> response = post("/v1/chat/completions", chat("gpt-test", false));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(errorCode(response)).isEqualTo("scanner_error");
        assertThat(response.body()).doesNotContain("/opt/secret");
        AuditEvent event = fakes.audit.next();
        assertThat(event.outcome()).isEqualTo("scanner-error");
        assertThat(event.decisions()).extracting(Decision::detector, Decision::action).contains(org.assertj.core.groups.Tuple.tuple("scanner-error", "blocked"));
        assertThat(stub.receivedBodies).isEmpty();
    }

    @Test
    void scannerExceptionFailsOpenWhenConfiguredAndIsFlagged() throws Exception {
        fakes.failClosed = false;
        fakes.input = (route, body, caller) -> {
            throw new IllegalStateException("boom");
        };
        start();
        HttpResponse<String> response = post("/v1/chat/completions", chat("gpt-test", false));

        assertThat(response.statusCode()).isEqualTo(200);
        AuditEvent event = fakes.audit.next();
        assertThat(event.outcome()).isEqualTo("allowed");
        assertThat(event.decisions()).extracting(Decision::detector, Decision::action).contains(org.assertj.core.groups.Tuple.tuple("scanner-error", "flagged"));
    }

    @Test
    void blockedOutputIsReplacedByTheRefusal() throws Exception {
        start();
        HttpResponse<String> response = post("/v1/chat/completions", chat("stub-canary", false));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(errorCode(response)).isEqualTo("output_blocked");
        assertThat(response.body()).doesNotContain("CANARY").doesNotContain("Hi from upstream");
        assertThat(fakes.audit.next().outcome()).isEqualTo("blocked");
    }

    @Test
    void extractionBlockIs429AndThrottleStillAnswers() throws Exception {
        fakes.monitor = new Fakes.FixedMonitor(new MonitorVerdict(Level.BLOCK, "volume", 0));
        start();
        HttpResponse<String> blocked = post("/v1/chat/completions", chat("gpt-test", false));
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(errorCode(blocked)).isEqualTo("extraction_suspected");
        assertThat(fakes.audit.next().outcome()).isEqualTo("blocked");
        guard.close();

        fakes.monitor = new Fakes.FixedMonitor(new MonitorVerdict(Level.THROTTLE, "distinct-ratio", 50));
        start();
        assertThat(post("/v1/chat/completions", chat("gpt-test", false)).statusCode()).isEqualTo(200);
        assertThat(fakes.audit.next().decisions()).extracting(Decision::action).contains("throttled");
    }

    @Test
    void unknownPathsAndWrongMethodsGetCleanJson() throws Exception {
        start();
        HttpResponse<String> unknown = post("/admin/../etc/passwd", "{}");
        HttpResponse<String> wrongMethod = get(guard.url() + "/v1/chat/completions");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(errorCode(unknown)).isEqualTo("not_found");
        assertThat(unknown.headers().firstValue("x-request-id")).isPresent();
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(errorCode(wrongMethod)).isEqualTo("method_not_allowed");
    }

    @Test
    void modelsListIsForwardedAfterAuthenticationWithoutTheModelsTheCallerMayNotUse() throws Exception {
        start();
        HttpResponse<String> response = get(guard.url() + "/v1/models");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(stub.receivedHeaders.poll().get("authorization")).isEqualTo(Fakes.UPSTREAM_SECRET);
        assertThat(new io.vertx.core.json.JsonObject(response.body()).getJsonArray("data").stream()
                .map(e -> ((io.vertx.core.json.JsonObject) e).getString("id")).toList())
                .containsExactly("gpt-test", "gpt-4o");
        AuditEvent event = fakes.audit.next();
        assertThat(event.decisions()).singleElement().satisfies(d -> {
            assertThat(d.detector()).isEqualTo("model-list");
            assertThat(d.count()).isEqualTo(1);
        });
    }

    @Test
    void corsIsClosedUnlessOriginsAreListed() throws Exception {
        start();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(guard.url() + "/v1/chat/completions"))
                .header("origin", "https://evil.example").header("authorization", "Bearer " + Fakes.KEY)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(chat("gpt-test", false))).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).headers()
                .firstValue("access-control-allow-origin")).isEmpty();
        guard.close();

        fakes.corsOrigins = List.of("https://app.example");
        start();
        var allowed = java.net.http.HttpRequest.newBuilder(java.net.URI.create(guard.url() + "/v1/chat/completions"))
                .header("origin", "https://app.example").header("authorization", "Bearer " + Fakes.KEY)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(chat("gpt-test", false))).build();
        assertThat(http.send(allowed, HttpResponse.BodyHandlers.ofString()).headers()
                .firstValue("access-control-allow-origin")).contains("https://app.example");
    }

    @Test
    void aReplyCallingAFunctionTheRequestDidNotOfferIsWithheldAndAudited() throws Exception {
        fakes.output = dev.bulwark.guard.filter.Filters.output(dev.bulwark.guard.config.GuardDefaults.OUTPUT);
        start();
        HttpResponse<String> offered = post("/v1/chat/completions", withTool("stub-tool", "refund_order"));
        assertThat(offered.statusCode()).as(offered.body()).isEqualTo(200);
        assertThat(json(offered).at("/choices/0/message/tool_calls/0/function/name").asText()).isEqualTo("refund_order");
        assertThat(fakes.audit.next().outcome()).isEqualTo("allowed");

        HttpResponse<String> other = post("/v1/chat/completions", withTool("stub-tool", "lookup_order"));
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(errorCode(other)).isEqualTo("content_filter");
        assertThat(other.body()).doesNotContain("refund_order");
        AuditEvent event = fakes.audit.next();
        assertThat(event.outcome()).isEqualTo("blocked");
        assertThat(event.decisions()).anyMatch(d -> d.detector().equals("tool-call") && d.action().equals("blocked"));

        assertThat(post("/v1/chat/completions", chat("stub-tool", false)).statusCode()).as("no tools offered").isEqualTo(400);
    }

    private static String withTool(String model, String tool) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Where is order 1001?\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"" + tool + "\",\"parameters\":{\"type\":\"object\"}}}]}";
    }
}
