package dev.bulwark.probe.llm;

import dev.bulwark.core.CheckContext;
import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.core.scope.Target;
import dev.bulwark.core.scope.RulesOfEngagement;
import dev.bulwark.probe.Message;
import dev.bulwark.probe.PromptCheck;
import dev.bulwark.probe.PromptClient;
import dev.bulwark.probe.attempt.ProbeAttempt;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Many-shot jailbreak: a long fake dialogue in which the assistant complied with off-topic request after
 * off-topic request ({@link ManyShotDialogue}), then the marker task. Sent inline as one message to every
 * target, and as real earlier turns to targets that keep history. Decided by {@link MarkerJudge}.
 */
public final class JailbreakManyShotCheck extends PromptCheck {
    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor(
            "llm.jailbreak-many-shot",
            "Many-shot jailbreak",
            WeaknessClass.JAILBREAK,
            CheckDescriptor.Tier.CORE,
            "1 prompt holding a " + ManyShotDialogue.SHOTS + "-exchange fake dialogue of compliant off-topic answers"
                    + " followed by an off-topic task with a fresh code BWK-xxxxxxxx; on chat targets 1 more request"
                    + " with the same dialogue as real earlier turns",
            "Primes the model with a long history of an assistant that did every off-topic task, then asks for one"
                    + " more. A code that comes back proves the primed pattern beat the model's scope.");

    public JailbreakManyShotCheck() {
        super(DESCRIPTOR);
    }

    /** The inline dialogue, plus the same dialogue as real turns when the target keeps history. */
    @Override
    public int plannedRequests(Target target, RulesOfEngagement rules) {
        return keepsHistory(target) ? 2 : 1;
    }

    @Override
    protected CheckOutcome run(PromptTarget target, PromptClient client, CheckContext context)
            throws InterruptedException {
        var attempts = new ArrayList<ProbeAttempt<Marker>>();
        MarkerTask inlineTask = MarkerTask.forVariant(0);
        String inlineCode = Canaries.fresh();
        String inline = ManyShotDialogue.inline(capitalised(inlineTask.render(inlineCode)) + ".");
        attempts.add(new ProbeAttempt<>("inline-dialogue", client.call(inline), new Marker(inline, inlineCode,
                inlineTask)));
        if (client.keepsHistory()) {
            MarkerTask task = MarkerTask.forVariant(1);
            String code = Canaries.fresh();
            List<Message> history = ManyShotDialogue.history(capitalised(task.render(code)) + ".");
            String sent = history.stream().map(Message::content).collect(Collectors.joining("\n"));
            attempts.add(new ProbeAttempt<>("history-turns", client.call(history), new Marker(sent, code, task)));
        }
        return JailbreakRun.run(DESCRIPTOR, target, client, context, attempts,
                "a many-shot dialogue of compliant answers makes the assistant leave its scope");
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
