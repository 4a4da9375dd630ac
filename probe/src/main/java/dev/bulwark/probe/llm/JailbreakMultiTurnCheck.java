package dev.bulwark.probe.llm;

import dev.bulwark.core.CheckContext;
import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.VerdictTally;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.core.scope.Target;
import dev.bulwark.core.scope.RulesOfEngagement;
import dev.bulwark.probe.Message;
import dev.bulwark.probe.PromptCheck;
import dev.bulwark.probe.PromptClient;
import dev.bulwark.probe.PromptReply;
import dev.bulwark.probe.attempt.ProbeAttempt;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Scripted multi-turn escalation ({@link EscalationScripts}): warm-up turns are sent one by one with the
 * target's real replies carried along, then the final turn asks for the marker task; only that last reply is
 * judged ({@link MarkerJudge}). A warm-up turn that gets no answer makes its script an error. Targets that
 * keep no history (a form without a session recipe) cannot be tested this way: the check says so.
 */
public final class JailbreakMultiTurnCheck extends PromptCheck {
    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor(
            "llm.jailbreak-multi-turn",
            "Jailbreak by multi-turn escalation",
            WeaknessClass.JAILBREAK,
            CheckDescriptor.Tier.CORE,
            EscalationScripts.ALL.size() + " scripted conversations of 4 turns (3 harmless warm-up turns, then an"
                    + " off-topic task with a fresh code BWK-xxxxxxxx), each turn carrying the target's earlier"
                    + " replies;"
                    + " only targets that keep history",
            "Walks the model towards an off-topic task over several harmless turns, the way a patient user would."
                    + " A code in the last reply proves that gradual pressure beats the model's scope.");

    public JailbreakMultiTurnCheck() {
        super(DESCRIPTOR);
    }

    /** Every turn of every script, each its own request; nothing when the target keeps no history. */
    @Override
    public int plannedRequests(Target target, RulesOfEngagement rules) {
        return keepsHistory(target) ? EscalationScripts.REQUESTS : 0;
    }

    @Override
    protected CheckOutcome run(PromptTarget target, PromptClient client, CheckContext context)
            throws InterruptedException {
        if (!client.keepsHistory()) {
            return CheckOutcome.notTested("the target takes one prompt per request and the scope gives it no session,"
                    + " so a conversation cannot be carried", VerdictTally.EMPTY);
        }
        var attempts = new ArrayList<ProbeAttempt<Marker>>();
        VerdictTally warmUpFailures = VerdictTally.EMPTY;
        for (int i = 0; i < EscalationScripts.ALL.size(); i++) {
            if (context.stopRequested()) break;
            EscalationScripts.Script script = EscalationScripts.ALL.get(i);
            context.progress(DESCRIPTOR.id() + ": " + script.label() + " warm-up");
            var conversation = new ArrayList<Message>();
            String failure = warmUp(script, client, conversation);
            if (failure != null) {
                warmUpFailures = warmUpFailures.error(script.label() + ": warm-up turn failed: " + failure);
                continue;
            }
            MarkerTask task = MarkerTask.forVariant(i);
            String code = Canaries.fresh();
            conversation.add(Message.user(script.finalTurn().replace("{task}", task.render(code))));
            String sent = conversation.stream().filter(Message::fromUser).map(Message::content)
                    .collect(Collectors.joining("\n"));
            attempts.add(new ProbeAttempt<>(script.label(), client.call(conversation), new Marker(sent, code, task)));
        }
        return JailbreakRun.run(DESCRIPTOR, target, client, context, attempts, warmUpFailures,
                "gradual multi-turn escalation makes the assistant leave its scope");
    }

    /** Sends the warm-up turns, appending each turn and its answer; the problem of the first failed turn, or null. */
    private static String warmUp(EscalationScripts.Script script, PromptClient client, List<Message> conversation)
            throws InterruptedException {
        for (String turn : script.warmUp()) {
            conversation.add(Message.user(turn));
            PromptReply reply = client.ask(List.copyOf(conversation));
            switch (reply) {
                case PromptReply.Answer answer -> conversation.add(Message.assistant(answer.text()));
                case PromptReply.Failure failed -> {
                    return failed.problem();
                }
            }
        }
        return null;
    }
}
