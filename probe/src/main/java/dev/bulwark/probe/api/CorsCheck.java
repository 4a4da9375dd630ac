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
import dev.bulwark.core.http.HttpCall;
import dev.bulwark.core.http.HttpReply;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.probe.PromptClient;
import dev.bulwark.probe.attempt.AttemptLog;
import dev.bulwark.probe.attempt.AttemptRecord;
import dev.bulwark.probe.attempt.AttemptRunner;
import dev.bulwark.probe.attempt.Judgement;
import dev.bulwark.probe.attempt.ProbeAttempt;
import dev.bulwark.probe.attempt.ProbeFindings;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Permissive CORS: a preflight ({@code OPTIONS}) and a real request, both from {@code Origin:
 * https://attacker.example}. The origin reflected together with {@code Access-Control-Allow-Credentials: true}
 * lets any web page a victim visits call the API as the victim (high); a reflected origin or {@code null} without
 * credentials, or {@code *}, lets any page read the answers (lower).
 */
public final class CorsCheck extends PromptCheck {
    public CorsCheck() {
        super(DESCRIPTOR);
    }

    /** A preflight and one real request with a foreign Origin. */
    @Override
    public int plannedRequests(Target target, RulesOfEngagement rules) {
        return 2;
    }

    static final String ATTACKER_ORIGIN = "https://attacker.example";

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor(
            "api.cors",
            "Permissive CORS policy",
            WeaknessClass.PERMISSIVE_CORS,
            CheckDescriptor.Tier.CORE,
            "2 requests with Origin: " + ATTACKER_ORIGIN + ": a CORS preflight (OPTIONS) and the harmless prompt",
            "Checks whether the API lets an arbitrary web origin call it from a browser, and with the user's"
                    + " credentials.");

    /** How permissive a reply's CORS headers are, mildest first. */
    enum Policy {
        STRICT(null, "no cross-origin access for " + ATTACKER_ORIGIN),
        WILDCARD("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N", "any origin may read replies (*)"),
        REFLECTED("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:N/A:N", "the attacker's origin is allowed (reflected)"),
        REFLECTED_WITH_CREDENTIALS("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:N",
                "the attacker's origin is allowed with credentials");

        final String vector;
        final String meaning;

        Policy(String vector, String meaning) {
            this.vector = vector;
            this.meaning = meaning;
        }
    }



    @Override
    protected CheckOutcome run(PromptTarget promptTarget, PromptClient client, CheckContext context) throws InterruptedException {
        HttpCall real = client.call(ApiProbes.BENIGN_PROMPT).withHeader("Origin", ATTACKER_ORIGIN);
        String requestHeaders = "content-type" + promptTarget.auth().map(a -> ", " + a.header().toLowerCase(Locale.ROOT)).orElse("");
        HttpCall preflight = new HttpCall("OPTIONS", promptTarget.url(), Map.of(), null, true, true)
                .withHeader("Origin", ATTACKER_ORIGIN)
                .withHeader("Access-Control-Request-Method", real.method())
                .withHeader("Access-Control-Request-Headers", requestHeaders);
        List<ProbeAttempt<Void>> attempts = List.of(
                new ProbeAttempt<>("preflight", preflight, null),
                new ProbeAttempt<>("request-with-origin", real, null));
        var seen = EnumSet.noneOf(Policy.class); // filled by the judge, read after the run (same thread)
        AttemptLog<Void> log = AttemptRunner.run(DESCRIPTOR.id(), attempts, (attempt, reply) -> {
            seen.add(classify(reply));
            return judge(attempt, reply);
        }, context);
        List<Finding> findings = log.anyHit()
                ? List.of(finding(promptTarget, log, Collections.max(seen))) : List.of();
        return CheckOutcome.from(log.tally(), findings);
    }

    static Judgement judge(ProbeAttempt<Void> attempt, HttpReply reply) {
        Policy policy = classify(reply);
        String headers = corsHeaders(reply);
        if (policy != Policy.STRICT) return Judgement.hit(policy.meaning, headers);
        if (reply.status() == 429 || reply.status() >= 500) {
            return Judgement.error("HTTP " + reply.status() + " without CORS headers: the policy could not be seen");
        }
        return Judgement.pass(policy.meaning + " (HTTP " + reply.status() + ")", headers);
    }

    static Policy classify(HttpReply reply) {
        String origin = reply.header("Access-Control-Allow-Origin").map(String::strip).orElse("");
        boolean credentials = reply.header("Access-Control-Allow-Credentials")
                .map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
        boolean reflected = origin.equalsIgnoreCase(ATTACKER_ORIGIN) || origin.equals("null");
        if (reflected) return credentials ? Policy.REFLECTED_WITH_CREDENTIALS : Policy.REFLECTED;
        if (origin.equals("*")) return Policy.WILDCARD;
        return Policy.STRICT;
    }

    private static String corsHeaders(HttpReply reply) {
        var text = new StringBuilder("HTTP ").append(reply.status());
        for (String name : List.of("Access-Control-Allow-Origin", "Access-Control-Allow-Credentials",
                "Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "Vary")) {
            reply.header(name).ifPresent(v -> text.append('\n').append(name).append(": ").append(v));
        }
        return text.toString();
    }

    private static Finding finding(PromptTarget target, AttemptLog<Void> log, Policy worst) {
        List<String> where = log.hits().stream().map(AttemptRecord::attempt).map(ProbeAttempt::label).toList();
        return ProbeFindings.on(DESCRIPTOR, target)
                .title("Permissive CORS on " + target.id() + ": " + worst.meaning)
                .confidence(Confidence.CONFIRMED)
                .cvss(ApiProbes.cvss(worst.vector))
                .evidence(ProbeFindings.evidence(log, target))
                .description("Asked from Origin " + ATTACKER_ORIGIN + ", the API answered that "
                        + worst.meaning + " (seen on: " + String.join(", ", where) + "). "
                        + (worst == Policy.REFLECTED_WITH_CREDENTIALS
                                ? "Any web page a logged-in user visits can call the API as that user and read the"
                                        + " answers."
                                : "Any web page can call the API from a visitor's browser and read the answers.")
                        + " Allow only the origins of your own front end.")
                .rootCause("cors")
                .build();
    }
}
