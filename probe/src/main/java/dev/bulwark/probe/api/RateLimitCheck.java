package dev.bulwark.probe.api;

import dev.bulwark.core.scope.RulesOfEngagement;
import dev.bulwark.core.scope.Target;
import dev.bulwark.probe.PromptCheck;
import dev.bulwark.core.CheckContext;
import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Confidence;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Verdict;
import dev.bulwark.core.VerdictTally;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.http.HttpCall;
import dev.bulwark.core.http.HttpReply;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.probe.PromptClient;
import dev.bulwark.probe.attempt.AttemptLog;
import dev.bulwark.probe.attempt.AttemptRunner;
import dev.bulwark.probe.attempt.Judgement;
import dev.bulwark.probe.attempt.ProbeAttempt;
import dev.bulwark.probe.attempt.ProbeFindings;
import java.util.Collections;
import java.util.List;
import dev.bulwark.kb.CvssScorer;
import java.util.Locale;

/**
 * Missing rate limiting: a bounded burst of the same harmless request with throttle-retry off, so a 429 comes
 * back to the check instead of being waited out. The burst is at most min(20, 10% of the request budget) and
 * never more than the budget has left; it ends at the first 429/503 (a pass). All served is a hit. The burst
 * goes no faster than the engagement's own rate, which the description states.
 */
public final class RateLimitCheck extends PromptCheck {
    public RateLimitCheck() {
        super(DESCRIPTOR);
    }

    /** The burst the budget allows (0 when it is too small to test). */
    @Override
    public int plannedRequests(Target target, RulesOfEngagement rules) {
        int burst = burstSize(rules.maxRequests(), rules.maxRequests());
        return burst < MIN_BURST ? 0 : burst;
    }

    static final int MAX_BURST = 20;
    static final int MIN_BURST = 3;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor(
            "api.rate-limit",
            "No rate limiting on the model API",
            WeaknessClass.UNBOUNDED_CONSUMPTION,
            CheckDescriptor.Tier.CORE,
            "a burst of up to min(20, 10% of rules.maxRequests) identical harmless prompts at the engagement's"
                    + " maximum rate, stopping at the first 429/503",
            "Checks that the API throttles a client that sends many requests in a short time, so one user cannot"
                    + " run up the owner's bill or starve other users.");



    /** The burst size the rules allow: at most 20 and 10% of the budget, never more than what is left. */
    static int burstSize(int maxRequests, long remaining) {
        return (int) Math.min(Math.min(MAX_BURST, maxRequests / 10), Math.max(0, remaining));
    }

    @Override
    protected CheckOutcome run(PromptTarget promptTarget, PromptClient client, CheckContext context) throws InterruptedException {
        int burst = burstSize(context.scope().rules().maxRequests(), context.http().remainingBudget());
        if (burst < MIN_BURST) {
            return CheckOutcome.notTested("the request budget allows a burst of only " + burst + " requests (10% of"
                    + " maxRequests, at most 20); raise maxRequests to test rate limiting", VerdictTally.EMPTY);
        }
        HttpCall call = client.call("Reply with the single word OK.").withoutThrottleRetry();
        List<ProbeAttempt<Void>> attempts = Collections.nCopies(burst, new ProbeAttempt<Void>("burst", call, null));
        AttemptLog<Void> log = AttemptRunner.run(DESCRIPTOR.id(), attempts, RateLimitCheck::judge, context,
                record -> record.judgement().verdict() == Verdict.PASS);
        VerdictTally burstVerdict = decide(log);
        if (burstVerdict.passes() > 0) return CheckOutcome.tested(List.of(), burstVerdict);
        if (log.tally().hits() < burst) {
            return CheckOutcome.notTested(log.tally().hits() + " of " + burst + " burst requests were served and"
                    + " none throttled, but the rest failed (" + log.tally().lastError() + "), so the absence of a"
                    + " limit is not shown", burstVerdict);
        }
        return CheckOutcome.tested(List.of(finding(promptTarget, log, context.scope().rules().maxRequestsPerSecond())),
                burstVerdict);
    }

    /**
     * The burst is one observation, so the tally holds one verdict for it (throttled: pass; all served: hit),
     * plus the requests that failed: served requests before a 429 are not "hits" of anything.
     */
    static VerdictTally decide(AttemptLog<Void> log) {
        VerdictTally per = log.tally();
        boolean throttled = per.passes() > 0;
        boolean allServed = !throttled && per.hits() == log.planned();
        return new VerdictTally(allServed ? 1 : 0, throttled ? 1 : 0, per.errors(), per.unscorable(), per.lastError());
    }

    /** 3.7, low: only the absence of a limit up to the burst size is observed. */
    static final String BURST_ONLY_VECTOR = "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:L";

    static Judgement judge(ProbeAttempt<Void> attempt, HttpReply reply) {
        int status = reply.status();
        if (status == 429 || status == 503) {
            return Judgement.pass("throttled with HTTP " + status
                    + reply.header("Retry-After").map(v -> " (Retry-After: " + v + ")").orElse(""), "");
        }
        if (reply.ok()) return Judgement.hit("served (HTTP " + status + ")", "HTTP " + status);
        return Judgement.error("HTTP " + status + " during the burst");
    }

    private static Finding finding(PromptTarget target, AttemptLog<Void> log, double engagementRate) {
        double seconds = Math.max(log.elapsed().toNanos() / 1e9, 1e-3);
        double achieved = log.tally().hits() / seconds;
        String numbers = String.format(Locale.ROOT, "all %d requests of a burst were served in %.1f s (%.1f requests/s;"
                + " the engagement's own limit is %.1f/s), none answered 429 or 503", log.tally().hits(), seconds,
                achieved, engagementRate);
        // A served burst shows no limit *up to its size*: a per-minute limit or a token bucket larger than the
        // burst looks the same. So this is graded low and tentative (AC:H: sustained volume is needed); the
        // input-size and output-amplification checks grade what is proven.
        return ProbeFindings.on(DESCRIPTOR, target)
                .title("No rate limit reached on " + target.id() + " within a burst of " + log.tally().hits()
                        + " requests")
                .confidence(Confidence.TENTATIVE)
                .cvss(CvssScorer.score(BURST_ONLY_VECTOR))
                .evidence(ProbeFindings.evidence(log, target))
                .description("Rate limiting: " + numbers + ". If there is no limit at all, a client can send as many"
                        + " prompts as it likes and run up the owner's model bill (denial of wallet) or starve other"
                        + " users. A limit above this burst (a per-minute quota, a large token bucket) would not"
                        + " show here, so check the gateway or provider settings.")
                .rootCause("no-rate-limit")
                .build();
    }
}
