package dev.bulwark.probe.api;

import dev.bulwark.core.scope.RulesOfEngagement;
import dev.bulwark.core.scope.Target;
import dev.bulwark.probe.PromptCheck;
import dev.bulwark.core.CheckContext;
import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Confidence;
import dev.bulwark.core.Finding;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.http.HttpReply;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.probe.PromptClient;
import dev.bulwark.probe.attempt.AttemptLog;
import dev.bulwark.probe.attempt.AttemptRunner;
import dev.bulwark.probe.attempt.Judgement;
import dev.bulwark.probe.attempt.ProbeAttempt;
import dev.bulwark.probe.attempt.ProbeFindings;
import java.util.List;
import java.util.Optional;

/**
 * Verbose errors: sends the target's own request with a broken body (cut-off JSON, wrong types, a 64 KiB field,
 * invalid UTF-8) and looks for stack traces and framework internals in what comes back. Any status counts: a
 * 400 with a stack trace is as telling as a 500. Throttling is an error, never a pass.
 */
public final class VerboseErrorsCheck extends PromptCheck {
    public VerboseErrorsCheck() {
        super(DESCRIPTOR);
    }

    /** One request per malformed body. */
    @Override
    public int plannedRequests(Target target, RulesOfEngagement rules) {
        return MalformedBodies.COUNT;
    }

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor(
            "api.verbose-errors",
            "Verbose error messages",
            WeaknessClass.VERBOSE_ERRORS,
            CheckDescriptor.Tier.CORE,
            "4 requests with a broken body: truncated JSON, wrong JSON types, a 64 KiB field, invalid UTF-8",
            "Sends malformed requests and reports error replies that reveal stack traces, framework or database"
                    + " internals, or absolute server paths.");



    @Override
    protected CheckOutcome run(PromptTarget promptTarget, PromptClient client, CheckContext context) throws InterruptedException {
        List<ProbeAttempt<Void>> attempts = MalformedBodies.forClient(client).stream()
                .map(m -> new ProbeAttempt<Void>(m.label(), m.call(), null))
                .toList();
        AttemptLog<Void> log = AttemptRunner.run(DESCRIPTOR.id(), attempts, VerboseErrorsCheck::judge, context);
        List<Finding> findings = log.anyHit() ? List.of(finding(promptTarget, log)) : List.of();
        return CheckOutcome.from(log.tally(), findings);
    }

    static Judgement judge(ProbeAttempt<Void> attempt, HttpReply reply) {
        Optional<ErrorInternals.Disclosure> disclosure = ErrorInternals.find(reply.bodyText());
        if (disclosure.isPresent()) {
            return Judgement.hit(disclosure.get().what() + " (HTTP " + reply.status() + ")", disclosure.get().excerpt());
        }
        if (reply.status() == 429) return Judgement.error("throttled (HTTP 429): the error reply could not be seen");
        return Judgement.pass("HTTP " + reply.status() + " without internals", reply.bodyText());
    }

    private static Finding finding(PromptTarget target, AttemptLog<Void> log) {
        var seen = log.hits().stream().map(r -> r.attempt().label() + " → " + r.judgement().reason()).toList();
        return ProbeFindings.on(DESCRIPTOR, target)
                .title("Error replies of " + target.id() + " reveal implementation internals")
                .confidence(Confidence.CONFIRMED)
                .evidence(ProbeFindings.evidence(log, target))
                .description("Malformed requests got error replies that show internals: " + String.join("; ", seen)
                        + " (" + log.rateSummary() + "). Stack traces, library names and server paths tell an"
                        + " attacker what software and versions to target. Return a generic error and log the"
                        + " details on the server.")
                .rootCause("verbose-errors")
                .build();
    }
}
