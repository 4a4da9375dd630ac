package dev.bulwark.probe.consumption;

import dev.bulwark.core.CheckContext;
import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Confidence;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Verdict;
import dev.bulwark.core.VerdictTally;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.http.HttpReply;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.core.scope.Target;
import dev.bulwark.core.scope.RulesOfEngagement;
import dev.bulwark.probe.PromptCheck;
import dev.bulwark.probe.PromptClient;
import dev.bulwark.probe.PromptReply;
import dev.bulwark.probe.attempt.AttemptLog;
import dev.bulwark.probe.attempt.AttemptRecord;
import dev.bulwark.probe.attempt.AttemptRunner;
import dev.bulwark.probe.attempt.Judgement;
import dev.bulwark.probe.attempt.ProbeAttempt;
import dev.bulwark.probe.attempt.ProbeFindings;
import dev.bulwark.probe.wire.Usage;
import java.util.List;
import java.util.Locale;

/**
 * Largest input accepted: a harmless prompt padded to 8, 32, 128 and 512 KiB, sent in that order and stopped at
 * the first rejection. Each step is accepted (a readable answer, billed in full when the reply reports usage),
 * rejected (a 4xx such as 413 or a context-length error, or the input visibly truncated) or an error. The run is
 * one observation: HIT when {@value #LIMIT_KIB} KiB or more was accepted; PASS when a step was rejected first.
 */
public final class InputSizeCheck extends PromptCheck {
    static final int[] STEPS_KIB = {8, 32, 128, 512};
    static final int LIMIT_KIB = 128;
    /** Below this many characters per billed token the input was cut, not read (English runs about 4). */
    static final int TRUNCATION_CHARS_PER_TOKEN = 16;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor(
            "llm.input-size",
            "Unbounded input size",
            WeaknessClass.UNBOUNDED_CONSUMPTION,
            CheckDescriptor.Tier.CORE,
            "up to 4 harmless prompts padded to 8, 32, 128 and 512 KiB, stopping at the first rejection",
            "Finds the largest prompt the endpoint accepts and bills. Without an input cap one request can cost"
                    + " the owner as much as thousands of normal ones.");

    public InputSizeCheck() {
        super(DESCRIPTOR);
    }

    /** Every step, when none is rejected. */
    @Override
    public int plannedRequests(Target target, RulesOfEngagement rules) {
        return STEPS_KIB.length;
    }

    @Override
    protected CheckOutcome run(PromptTarget target, PromptClient client, CheckContext context)
            throws InterruptedException {
        List<ProbeAttempt<Integer>> attempts = java.util.Arrays.stream(STEPS_KIB)
                .mapToObj(kib -> new ProbeAttempt<>(kib + "KiB", client.call(Filler.prompt(kib * 1024)), kib))
                .toList();
        AttemptLog<Integer> log = AttemptRunner.run(DESCRIPTOR.id(), attempts,
                (attempt, reply) -> judge(client, target, attempt, reply), context,
                r -> r.judgement().verdict() != Verdict.HIT);
        int largest = log.records().stream().filter(r -> r.judgement().verdict() == Verdict.HIT)
                .mapToInt(r -> r.attempt().payload()).max().orElse(0);
        boolean rejected = log.tally().passes() > 0;
        if (largest >= LIMIT_KIB) {
            return CheckOutcome.tested(List.of(finding(target, log, largest)), new VerdictTally(1, 0,
                    log.tally().errors(), log.tally().unscorable(), log.tally().lastError()));
        }
        if (rejected) {
            return new CheckOutcome(dev.bulwark.core.Coverage.TESTED, List.of(), new VerdictTally(0, 1,
                    log.tally().errors(), log.tally().unscorable(), log.tally().lastError()),
                    "largest input accepted: " + (largest == 0 ? "none" : largest + " KiB"));
        }
        return CheckOutcome.notTested("the largest input accepted was " + largest + " KiB and the next step failed ("
                + log.tally().lastError() + "), so no limit was seen", log.tally());
    }

    static Judgement judge(PromptClient client, PromptTarget target, ProbeAttempt<Integer> attempt, HttpReply reply) {
        int status = reply.status();
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return Judgement.pass("rejected with HTTP " + status, "HTTP " + status);
        }
        return switch (client.read(attempt.call(), reply)) {
            case PromptReply.Failure f -> new Judgement(f.verdict(), f.problem(), "");
            case PromptReply.Answer a -> accepted(attempt.payload(), Usage.of(reply), target, a.text());
        };
    }

    private static Judgement accepted(int kib, Usage usage, PromptTarget target, String answer) {
        long chars = kib * 1024L;
        if (usage.promptTokens().isPresent() && usage.promptTokens().getAsLong() * TRUNCATION_CHARS_PER_TOKEN < chars) {
            return Judgement.pass(String.format(Locale.ROOT, "accepted but truncated: %d KiB billed as %d prompt tokens",
                    kib, usage.promptTokens().getAsLong()), answer);
        }
        String billed = usage.promptTokens().isPresent() ? ", billed as " + usage.promptTokens().getAsLong()
                + " prompt tokens" + usage.cost(target.prices()).map(c -> " (" + c + ")").orElse("") : "";
        return Judgement.hit("accepted " + kib + " KiB" + billed, answer);
    }

    private static Finding finding(PromptTarget target, AttemptLog<Integer> log, int largest) {
        AttemptRecord<Integer> biggest = log.hits().get(log.hits().size() - 1);
        return ProbeFindings.on(DESCRIPTOR, target)
                .title("No input size limit on " + target.id() + " (" + largest + " KiB prompt accepted)")
                .confidence(Confidence.CONFIRMED)
                .evidence(new dev.bulwark.core.Evidence(log.tally().decided(), log.tally().hits(),
                        "POST " + target.url() + " with a " + largest + " KiB padded prompt",
                        ProbeFindings.mask(biggest.judgement().observed(), 400), List.of()))
                .description("Input size: " + biggest.judgement().reason() + " (" + log.rateSummary() + "). Anyone"
                        + " can send prompts this large: each one costs the owner as much as hundreds of normal"
                        + " requests and slows the service for others. Cap the request body and the prompt length"
                        + " before the model is called.")
                .rootCause("input-size")
                .build();
    }
}
