package dev.bulwark.probe.api;

import dev.bulwark.core.scope.RulesOfEngagement;
import dev.bulwark.core.scope.Target;
import dev.bulwark.probe.PromptClient;
import dev.bulwark.probe.PromptCheck;
import dev.bulwark.core.CheckContext;
import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Confidence;
import dev.bulwark.core.Evidence;
import dev.bulwark.core.Verdict;
import dev.bulwark.core.VerdictTally;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.probe.attempt.ProbeFindings;
import java.util.List;
import java.util.Locale;

/**
 * Cleartext transport: decided from the scope, without sending anything. An {@code http://} URL is a hit; on a
 * loopback host traffic never crosses a network, so a low context vector replaces the class's base vector.
 */
public final class CleartextCheck extends PromptCheck {
    public CleartextCheck() {
        super(DESCRIPTOR);
    }

    /** Reads the scope only. */
    @Override
    public int plannedRequests(Target target, RulesOfEngagement rules) {
        return 0;
    }

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor(
            "api.cleartext",
            "Cleartext HTTP transport",
            WeaknessClass.CLEARTEXT_TRANSPORT,
            CheckDescriptor.Tier.CORE,
            "nothing: decided from the target URL in the scope",
            "Flags targets reached over plain http://, where prompts, answers and credentials can be read or"
                    + " changed by anyone on the network path. Loopback targets are reported with low severity.");

    /** Local attacker with a foothold on the same machine, little to read. */
    static final String LOOPBACK_VECTOR = "CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:L/I:N/A:N";



    @Override
    protected CheckOutcome run(PromptTarget promptTarget, PromptClient client, CheckContext context) {
        String scheme = String.valueOf(promptTarget.url().getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) return CheckOutcome.tested(List.of(), VerdictTally.EMPTY.add(Verdict.PASS));
        boolean loopback = ApiProbes.isLoopback(promptTarget.url());
        boolean credential = promptTarget.auth().isPresent();
        var finding = ProbeFindings.on(DESCRIPTOR, promptTarget)
                .title("Cleartext HTTP to " + promptTarget.id() + (loopback ? " (loopback only)" : ""))
                .confidence(Confidence.CONFIRMED)
                .evidence(new Evidence(1, 1, "scope: url " + promptTarget.url(), "scheme is http, not https", List.of()))
                .description("The target is reached over http://" + promptTarget.url().getHost() + ", so prompts,"
                        + " answers" + (credential ? " and the credential sent with every request" : "")
                        + " travel unencrypted."
                        + (loopback ? " The host is a loopback address, so the traffic does not leave the machine;"
                                + " severity is lowered accordingly. Use TLS as soon as it is exposed beyond it."
                                : " Anyone on the network path can read or alter them."))
                .rootCause("cleartext-http");
        if (loopback) finding.cvss(ApiProbes.cvss(LOOPBACK_VECTOR));
        return CheckOutcome.tested(List.of(finding.build()), VerdictTally.EMPTY.add(Verdict.HIT));
    }
}
