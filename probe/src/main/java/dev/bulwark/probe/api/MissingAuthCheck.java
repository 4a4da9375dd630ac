package dev.bulwark.probe.api;

import dev.bulwark.core.scope.RulesOfEngagement;
import dev.bulwark.core.scope.Target;
import dev.bulwark.probe.PromptCheck;
import dev.bulwark.core.CheckContext;
import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Confidence;
import dev.bulwark.core.Finding;
import dev.bulwark.core.VerdictTally;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.http.HttpReply;
import dev.bulwark.core.scope.HttpTarget;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.probe.PromptClient;
import dev.bulwark.probe.PromptReply;
import dev.bulwark.probe.attempt.AttemptLog;
import dev.bulwark.probe.attempt.AttemptRunner;
import dev.bulwark.probe.attempt.Judge;
import dev.bulwark.probe.attempt.Judgement;
import dev.bulwark.probe.attempt.ProbeAttempt;
import dev.bulwark.probe.attempt.ProbeFindings;
import java.util.List;

/**
 * Missing authentication. With a credential in the scope (an {@code auth} header or a {@code session} login): one
 * authenticated baseline (it must answer, or nothing can be concluded), then the same harmless prompt from a
 * {@linkplain PromptClient#anonymous() fresh anonymous client} — no auth header, no session cookies, no values a
 * login extracted — and a real answer is a hit. Without a credential in the scope: an anonymous answer is
 * reported too, as firm rather than confirmed, since the endpoint may be public on purpose.
 */
public final class MissingAuthCheck extends PromptCheck {
    public MissingAuthCheck() {
        super(DESCRIPTOR);
    }

    /** The anonymous prompts, plus an authenticated baseline when the scope has a credential. */
    @Override
    public int plannedRequests(Target target, RulesOfEngagement rules) {
        boolean credential = target instanceof PromptTarget p && hasCredential(p);
        return PROMPTS.size() + (credential ? 1 : 0);
    }

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor(
            "api.missing-auth",
            "Missing authentication on the model API",
            WeaknessClass.MISSING_AUTHENTICATION,
            CheckDescriptor.Tier.CORE,
            "with a credential in scope: 1 authenticated baseline + 2 requests without the credential; without"
                    + " one: 2 anonymous requests; each carries a harmless one-sentence prompt",
            "Checks that the endpoint refuses requests that carry no credential, by resending a harmless prompt"
                    + " without the scope's credential.");

    static final List<String> PROMPTS = List.of(ApiProbes.BENIGN_PROMPT, "What are your opening hours? One line, please.");



    @Override
    protected CheckOutcome run(PromptTarget promptTarget, PromptClient client, CheckContext context) throws InterruptedException {
        boolean credential = hasCredential(promptTarget);
        if (credential) {
            context.progress(DESCRIPTOR.id() + ": authenticated baseline");
            PromptReply baseline = client.ask(ApiProbes.BENIGN_PROMPT);
            if (baseline instanceof PromptReply.Failure failure) {
                return CheckOutcome.notTested("the authenticated baseline request did not get an answer, so a"
                        + " refusal without the credential would prove nothing: " + failure.problem(),
                        VerdictTally.EMPTY.error(failure.problem()));
            }
        }
        PromptClient anonymous = client.anonymous();
        List<ProbeAttempt<String>> attempts = PROMPTS.stream()
                .map(prompt -> new ProbeAttempt<>(credential ? "without-credential" : "anonymous",
                        anonymous.call(prompt), prompt))
                .toList();
        AttemptLog<String> log = AttemptRunner.run(DESCRIPTOR.id(), attempts, judge(anonymous, credential), context);
        List<Finding> findings = log.anyHit() ? List.of(finding(promptTarget, log, credential)) : List.of();
        return CheckOutcome.from(log.tally(), findings);
    }

    /** A credential in scope: an auth header, or a session login (its cookies and extracted values). */
    static boolean hasCredential(PromptTarget target) {
        return target.auth().isPresent() || target instanceof HttpTarget h && h.session().isPresent();
    }

    /**
     * An answer is a hit; a 4xx is a refusal (pass); throttling and 5xx are errors. A 2xx without a readable answer
     * (a login page, say) is a pass only when the authenticated baseline did answer: otherwise nothing shows that
     * the client can read this target's answers at all.
     */
    static Judge<String> judge(PromptClient client, boolean baselineAnswered) {
        return (ProbeAttempt<String> attempt, HttpReply reply) -> {
            int status = reply.status();
            if (status == 429) return Judgement.error("throttled (HTTP 429): the check could not tell");
            if (status >= 400 && status < 500) {
                return Judgement.pass("refused without a credential (HTTP " + status + ")", reply.bodyText());
            }
            if (status >= 500) return Judgement.error("server error (HTTP " + status + ")");
            return switch (client.read(attempt.call(), reply)) {
                case PromptReply.Answer answer when !answer.text().isBlank() ->
                        Judgement.hit("answered without a credential (HTTP " + status + ")", answer.text());
                case PromptReply.Answer answer ->
                        Judgement.unscorable("HTTP " + status + " with an empty answer", "");
                case PromptReply.Failure failure -> baselineAnswered
                        ? Judgement.pass("HTTP " + status + " without an answer (" + failure.problem() + ")", "")
                        : Judgement.unscorable(failure.problem(), "");
            };
        };
    }

    private static Finding finding(PromptTarget target, AttemptLog<String> log, boolean credentialInScope) {
        String description = credentialInScope
                ? "The scope gives a credential for this target (an auth header or a session login), yet it"
                        + " answered the same prompt sent with no credential at all — no auth header, no session"
                        + " cookies or tokens: " + log.rateSummary() + ". Anyone who can reach the endpoint can use"
                        + " the model — and whatever data and tools it has — at the owner's cost."
                : "The scope gives no credential for this target and it answered an anonymous request: "
                        + log.rateSummary() + ". If the endpoint is meant to be public, accept this finding;"
                        + " otherwise put authentication in front of it.";
        return ProbeFindings.on(DESCRIPTOR, target)
                .title(credentialInScope
                        ? "Model API " + target.id() + " answers without its credential"
                        : "Model API " + target.id() + " answers anonymous requests")
                .confidence(credentialInScope ? Confidence.CONFIRMED : Confidence.FIRM)
                .evidence(ProbeFindings.evidence(log, target))
                .description(description)
                .rootCause("no-authentication")
                .build();
    }
}
