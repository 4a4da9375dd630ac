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
 * Jailbreak by payload splitting: the request arrives in pieces (a + b + c) that no filter sees whole. Decided by
 * {@link MarkerJudge}.
 */
public final class JailbreakPayloadSplittingCheck extends PromptCheck {
    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor(
            "llm.jailbreak-payload-splitting",
            "Jailbreak by payload splitting",
            WeaknessClass.JAILBREAK,
            CheckDescriptor.Tier.CORE,
            JailbreakPrompts.PAYLOAD_SPLITTING.size() + " prompts: the off-topic task cut into string variables "
                    + "the model must join first (once with the code itself split in two), ending with a fresh "
                    + "code BWK-xxxxxxxx",
            "Cuts the request into pieces that only become the request once the model joins them. A code that "
                    + "comes back proves the framing talked the model out of its scope.");

    public JailbreakPayloadSplittingCheck() {
        super(DESCRIPTOR);
    }

    /** One request per framing. */
    @Override
    public int plannedRequests(Target target, RulesOfEngagement rules) {
        return JailbreakPrompts.PAYLOAD_SPLITTING.size();
    }

    @Override
    protected CheckOutcome run(PromptTarget target, PromptClient client, CheckContext context)
            throws InterruptedException {
        return JailbreakRun.run(DESCRIPTOR, target, client, context,
                JailbreakRun.attempts(JailbreakPrompts.PAYLOAD_SPLITTING, client),
                "a request split into pieces is assembled and carried out");
    }
}
