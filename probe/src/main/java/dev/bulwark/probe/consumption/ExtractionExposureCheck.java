package dev.bulwark.probe.consumption;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.core.CheckContext;
import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Confidence;
import dev.bulwark.core.Coverage;
import dev.bulwark.core.Finding;
import dev.bulwark.core.VerdictTally;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.http.HttpCall;
import dev.bulwark.core.http.HttpReply;
import dev.bulwark.core.scope.LlmChatTarget;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.core.scope.Target;
import dev.bulwark.core.scope.RulesOfEngagement;
import dev.bulwark.probe.Json;
import dev.bulwark.probe.PromptCheck;
import dev.bulwark.probe.PromptClient;
import dev.bulwark.probe.PromptReply;
import dev.bulwark.probe.attempt.AttemptLog;
import dev.bulwark.probe.attempt.AttemptRunner;
import dev.bulwark.probe.attempt.Judgement;
import dev.bulwark.probe.attempt.ProbeAttempt;
import dev.bulwark.probe.attempt.ProbeFindings;
import dev.bulwark.probe.wire.ChatBody;
import dev.bulwark.probe.wire.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Model extraction exposure. One request asks for {@code logprobs} with {@code top_logprobs: 5}: HIT when the
 * reply carries per-token log-probabilities (the richest signal for copying a model). Then the same plain prompt
 * is asked {@value #REPEATS} times without throttle-retry, to see whether answers are deterministic and whether
 * anything throttles. Those observations refine the estimate of queries and cost to replicate
 * ({@link ExtractionEstimate}) but are not findings on their own: many well-run assistants answer
 * deterministically (temperature 0), so determinism alone is not a weakness.
 */
public final class ExtractionExposureCheck extends PromptCheck {
    static final int REPEATS = 3;
    static final int TOP_LOGPROBS = 5;
    static final String PROMPT = "Answer with one word: what colour is the sky on a clear day?";

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor(
            "llm.extraction-exposure",
            "Model extraction exposure (log-probabilities returned)",
            WeaknessClass.MODEL_EXTRACTION_EXPOSURE,
            CheckDescriptor.Tier.CORE,
            "1 request with logprobs: true and top_logprobs: " + TOP_LOGPROBS + ", then the same short prompt "
                    + REPEATS + " times (determinism and throttling); llm-chat targets only",
            "Checks whether the API hands out token log-probabilities, which make copying the model through its"
                    + " API far cheaper, and estimates the queries and cost a copy would take.");

    record Signal(int topLogprobs) {
    }

    public ExtractionExposureCheck() {
        super(DESCRIPTOR);
    }

    /** The logprobs request and the repeats, on chat targets only. */
    @Override
    public int plannedRequests(Target target, RulesOfEngagement rules) {
        return target instanceof LlmChatTarget ? 1 + REPEATS : 0;
    }

    @Override
    protected CheckOutcome run(PromptTarget target, PromptClient client, CheckContext context)
            throws InterruptedException {
        if (!(target instanceof LlmChatTarget)) {
            return CheckOutcome.notTested("log-probabilities can only be requested from an llm-chat target",
                    VerdictTally.EMPTY);
        }
        HttpCall plain = client.call(PROMPT);
        Optional<HttpCall> withLogprobs = ChatBody.edit(plain, b -> b.put("logprobs", true).put("top_logprobs", TOP_LOGPROBS));
        if (withLogprobs.isEmpty()) return CheckOutcome.notTested("the chat request is not a JSON object", VerdictTally.EMPTY);
        AttemptLog<Signal> log = AttemptRunner.run(DESCRIPTOR.id(),
                List.of(new ProbeAttempt<>("logprobs", withLogprobs.get(), new Signal(TOP_LOGPROBS))),
                ExtractionExposureCheck::judge, context);
        Repeats repeats = repeat(client, plain.withoutThrottleRetry(), context);
        String observed = repeats.describe();
        if (!log.anyHit()) return new CheckOutcome(log.tally().decided() == 0 ? Coverage.NOT_TESTED : Coverage.TESTED,
                List.of(), log.tally(), observed);
        int topK = topLogprobsReturned(log.hits().get(0).judgement().observed());
        ExtractionEstimate estimate = ExtractionEstimate.of(topK, repeats.deterministic(), repeats.promptTokens(),
                repeats.completionTokens(), target.prices());
        return CheckOutcome.tested(List.of(finding(target, log, observed, estimate, topK)), log.tally());
    }

    static Judgement judge(ProbeAttempt<Signal> attempt, HttpReply reply) {
        int status = reply.status();
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return Judgement.pass("logprobs request rejected with HTTP " + status, "HTTP " + status);
        }
        if (!reply.ok()) return Judgement.error("HTTP " + status);
        Optional<JsonNode> root = Json.parse(reply.bodyText());
        if (root.isEmpty()) return Judgement.unscorable("the reply is not JSON", reply.bodyText());
        if (!root.get().path("choices").path(0).has("message")) {
            return Judgement.unscorable("no choices[0].message in the reply", reply.bodyText());
        }
        int tokens = logprobTokens(root.get());
        return tokens > 0
                ? Judgement.hit("log-probabilities returned for " + tokens + " tokens (top "
                        + topLogprobs(root.get()) + " alternatives each)", reply.bodyText())
                : Judgement.pass("no log-probabilities in the reply", reply.bodyText());
    }

    /** Tokens with a numeric {@code logprob}: {@code choices[0].logprobs.content[]} or the legacy token list. */
    static int logprobTokens(JsonNode root) {
        JsonNode logprobs = root.path("choices").path(0).path("logprobs");
        int n = 0;
        for (JsonNode token : logprobs.path("content")) if (token.path("logprob").isNumber()) n++;
        for (JsonNode value : logprobs.path("token_logprobs")) if (value.isNumber()) n++;
        return n;
    }

    static int topLogprobs(JsonNode root) {
        JsonNode first = root.path("choices").path(0).path("logprobs").path("content").path(0).path("top_logprobs");
        return first.isArray() ? first.size() : 0;
    }

    private static int topLogprobsReturned(String body) {
        return Json.parse(body).map(ExtractionExposureCheck::topLogprobs).orElse(0);
    }

    /** What the repeats showed: identical answers, throttling, and the token counts of one answer. */
    record Repeats(int answered, boolean deterministic, boolean throttled, long promptTokens, long completionTokens) {
        String describe() {
            if (answered < 2 && !throttled) return "determinism and throttling could not be observed";
            return (answered >= 2 ? (deterministic ? "the same prompt got identical answers " + answered + " times"
                    : "answers to the same prompt varied") : "")
                    + (throttled ? (answered >= 2 ? "; " : "") + "the repeats were throttled (429/503)"
                    : "; no throttling in " + REPEATS + " quick repeats");
        }
    }

    private static Repeats repeat(PromptClient client, HttpCall call, CheckContext context) throws InterruptedException {
        List<String> answers = new ArrayList<>();
        boolean throttled = false;
        Usage usage = Usage.NONE;
        for (int i = 0; i < REPEATS && !context.stopRequested(); i++) {
            context.progress(DESCRIPTOR.id() + ": repeat");
            PromptReply reply = client.exchange(call);
            int status = reply.http().map(HttpReply::status).orElse(0);
            if (status == 429 || status == 503) {
                throttled = true;
                break;
            }
            if (reply instanceof PromptReply.Answer a) {
                answers.add(a.text());
                usage = Usage.of(a.reply());
            }
        }
        boolean same = answers.size() >= 2 && answers.stream().distinct().count() == 1;
        return new Repeats(answers.size(), same, throttled, usage.promptTokens().orElse(0),
                usage.completionTokens().orElse(0));
    }

    private static Finding finding(PromptTarget target, AttemptLog<Signal> log, String observed,
                                   ExtractionEstimate estimate, int topK) {
        return ProbeFindings.on(DESCRIPTOR, target)
                .title("Model extraction exposure on " + target.id() + ": log-probabilities returned")
                .confidence(Confidence.CONFIRMED)
                .evidence(ProbeFindings.evidence(log, target))
                .description("The API returns token log-probabilities when asked ("
                        + log.hits().get(0).judgement().reason() + "); " + observed + ". Copying the model's behaviour"
                        + " through the API would take " + estimate.describe() + " (estimate: 100,000 queries from"
                        + " text alone, " + (topK >= 5 ? "÷10 with top-" + topK : "÷3 with single-token")
                        + " log-probabilities, ×2 when answers vary; see docs/checks.md). Do not return logprobs to"
                        + " clients that do not need them, and limit"
                        + " queries per client.")
                .rootCause("extraction-exposure")
                .build();
    }
}
