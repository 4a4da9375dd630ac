package dev.bulwark.probe.llm;

import dev.bulwark.core.CheckContext;
import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.core.scope.Target;
import dev.bulwark.core.scope.RulesOfEngagement;
import dev.bulwark.probe.PromptCheck;
import dev.bulwark.probe.PromptClient;

/**
 * Jailbreak by refusal suppression: the prompt forbids apologies, disclaimers and refusal words. Decided by {@link
 * MarkerJudge}.
 */
public final class JailbreakRefusalSuppressionCheck extends PromptCheck {
    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor(
            "llm.jailbreak-refusal-suppression",
            "Jailbreak by refusal suppression",
            WeaknessClass.JAILBREAK,
            CheckDescriptor.Tier.CORE,
            JailbreakPrompts.REFUSAL_SUPPRESSION.size() + " prompts: a list of rules that forbid apologies, "
                    + "disclaimers and refusal words, and a plea not to deflect, each wrapping an off-topic task "
                    + "that ends with a fresh code BWK-xxxxxxxx",
            "Forbids the words and moves a refusal is made of, then asks for an off-topic task. A code that comes "
                    + "back proves the framing talked the model out of its scope.");

    public JailbreakRefusalSuppressionCheck() {
        super(DESCRIPTOR);
    }

    /** One request per framing. */
    @Override
    public int plannedRequests(Target target, RulesOfEngagement rules) {
        return JailbreakPrompts.REFUSAL_SUPPRESSION.size();
    }

    @Override
    protected CheckOutcome run(PromptTarget target, PromptClient client, CheckContext context)
            throws InterruptedException {
        return JailbreakRun.run(DESCRIPTOR, target, client, context,
                JailbreakRun.attempts(JailbreakPrompts.REFUSAL_SUPPRESSION, client),
                "forbidding refusals makes the assistant leave its scope");
    }
}
