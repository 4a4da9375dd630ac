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
 * Jailbreak by role-play: the model is asked to play a character, and the character does what the assistant may
 * not. Decided by {@link MarkerJudge}.
 */
public final class JailbreakRoleplayCheck extends PromptCheck {
    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor(
            "llm.jailbreak-roleplay",
            "Jailbreak by role-play",
            WeaknessClass.JAILBREAK,
            CheckDescriptor.Tier.CORE,
            JailbreakPrompts.ROLE_PLAY.size() + " prompts: a stage play, a deceased-grandmother story and a "
                    + "fiction frame, each wrapping an off-topic task (poem, joke, haiku) that ends with a fresh "
                    + "code BWK-xxxxxxxx",
            "Asks the model to play a character who would do an off-topic task. A code that comes back proves the "
                    + "framing talked the model out of its scope.");

    public JailbreakRoleplayCheck() {
        super(DESCRIPTOR);
    }

    /** One request per framing. */
    @Override
    public int plannedRequests(Target target, RulesOfEngagement rules) {
        return JailbreakPrompts.ROLE_PLAY.size();
    }

    @Override
    protected CheckOutcome run(PromptTarget target, PromptClient client, CheckContext context)
            throws InterruptedException {
        return JailbreakRun.run(DESCRIPTOR, target, client, context,
                JailbreakRun.attempts(JailbreakPrompts.ROLE_PLAY, client),
                "role-play framing makes the assistant leave its scope");
    }
}
