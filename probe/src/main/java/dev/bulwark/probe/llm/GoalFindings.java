package dev.bulwark.probe.llm;

import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.Confidence;
import dev.bulwark.core.Finding;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.probe.attempt.AttemptLog;
import dev.bulwark.probe.attempt.ProbeFindings;
import java.util.List;

/**
 * The finding every marker-confirmed probe (a one-time code only the attack asked for came back) reports the
 * same way: counts in the title, the success rate and the variants that worked in the description.
 */
final class GoalFindings {
    private GoalFindings() {
    }

    /**
     * @param what   the title's claim, e.g. "instructions hidden in documents are followed"
     * @param impact a sentence on what an attacker gains
     */
    static List<Finding> of(CheckDescriptor check, PromptTarget target, AttemptLog<?> log, String what,
                            String impact) {
        if (!log.anyHit()) return List.of();
        var labels = log.hits().stream().map(r -> r.attempt().label()).distinct().toList();
        return List.of(ProbeFindings.on(check, target)
                .title(capitalised(what) + " on " + target.id() + " (" + log.tally().hits() + "/"
                        + log.tally().decided() + " attempts)")
                .confidence(Confidence.CONFIRMED)
                .evidence(ProbeFindings.evidence(log, target))
                .description("The target output a one-time code that only the attack asked for: " + log.rateSummary()
                        + ". Variants that worked: " + String.join(", ", labels) + ". " + impact)
                .rootCause(check.weakness().id())
                .build());
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
