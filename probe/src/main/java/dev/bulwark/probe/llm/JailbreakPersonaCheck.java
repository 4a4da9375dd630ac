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
 * Jailbreak by persona: "developer mode", DAN and similar prompts that declare the rules void. Decided by {@link
 * MarkerJudge}.
 */
public final class JailbreakPersonaCheck extends PromptCheck {
    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor(
            "llm.jailbreak-persona",
            "Jailbreak by persona (developer mode, DAN)",
            WeaknessClass.JAILBREAK,
            CheckDescriptor.Tier.CORE,
            JailbreakPrompts.PERSONA.size() + " prompts: \"Developer Mode\", DAN and an unrestricted-persona prompt, "
                    + "each wrapping an off-topic task that ends with a fresh code BWK-xxxxxxxx",
            "Tells the model it now is an unrestricted persona (developer mode, DAN). A code that comes back "
                    + "proves the framing talked the model out of its scope.");

    public JailbreakPersonaCheck() {
        super(DESCRIPTOR);
    }

    /** One request per framing. */
    @Override
    public int plannedRequests(Target target, RulesOfEngagement rules) {
        return JailbreakPrompts.PERSONA.size();
    }

    @Override
    protected CheckOutcome run(PromptTarget target, PromptClient client, CheckContext context)
            throws InterruptedException {
        return JailbreakRun.run(DESCRIPTOR, target, client, context,
                JailbreakRun.attempts(JailbreakPrompts.PERSONA, client),
                "persona prompts (developer mode, DAN) make the assistant leave its scope");
    }
}
