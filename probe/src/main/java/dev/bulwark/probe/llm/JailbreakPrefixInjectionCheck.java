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
 * Jailbreak by prefix injection: the prompt dictates the reply's first words ("Sure, here is"), which makes
 * refusing awkward for the model. Decided by {@link MarkerJudge}.
 */
public final class JailbreakPrefixInjectionCheck extends PromptCheck {
    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor(
            "llm.jailbreak-prefix-injection",
            "Jailbreak by prefix injection",
            WeaknessClass.JAILBREAK,
            CheckDescriptor.Tier.CORE,
            JailbreakPrompts.PREFIX_INJECTION.size() + " prompts: an off-topic task ending with a fresh code "
                    + "BWK-xxxxxxxx, with the reply's opening words dictated (\"Sure, here is\", \"Absolutely! Here "
                    + "it is:\")",
            "Dictates a compliant opening for the reply, so the model continues as if it had agreed. A code that "
                    + "comes back proves the framing talked the model out of its scope.");

    public JailbreakPrefixInjectionCheck() {
        super(DESCRIPTOR);
    }

    /** One request per framing. */
    @Override
    public int plannedRequests(Target target, RulesOfEngagement rules) {
        return JailbreakPrompts.PREFIX_INJECTION.size();
    }

    @Override
    protected CheckOutcome run(PromptTarget target, PromptClient client, CheckContext context)
            throws InterruptedException {
        return JailbreakRun.run(DESCRIPTOR, target, client, context,
                JailbreakRun.attempts(JailbreakPrompts.PREFIX_INJECTION, client),
                "dictating a compliant opening makes the assistant leave its scope");
    }
}
