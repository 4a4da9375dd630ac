package dev.bulwark.probe.llm;

import dev.bulwark.core.CheckContext;
import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.VerdictTally;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.probe.PromptClient;
import dev.bulwark.probe.attempt.AttemptLog;
import dev.bulwark.probe.attempt.AttemptRunner;
import dev.bulwark.probe.attempt.ProbeAttempt;
import dev.bulwark.probe.attempt.PromptJudge;
import java.util.ArrayList;
import java.util.List;

/** What every jailbreak check does once its attempts are built: run them, judge by marker, report. */
final class JailbreakRun {
    static final String IMPACT = "The assistant's scope is enforced only by its instructions, and this framing"
            + " talks it out of them; the same framing carries requests that are not harmless.";

    private JailbreakRun() {
    }

    /** One attempt per framing, each with its round-robin task and a fresh code. */
    static List<ProbeAttempt<Marker>> attempts(List<JailbreakPrompt> prompts, PromptClient client) {
        var attempts = new ArrayList<ProbeAttempt<Marker>>();
        for (int i = 0; i < prompts.size(); i++) {
            MarkerTask task = MarkerTask.forVariant(i);
            String canary = Canaries.fresh();
            String text = prompts.get(i).render(task, canary);
            attempts.add(new ProbeAttempt<>(prompts.get(i).label(), client.call(text), new Marker(text, canary, task)));
        }
        return attempts;
    }

    static CheckOutcome run(CheckDescriptor check, PromptTarget target, PromptClient client, CheckContext context,
                            List<ProbeAttempt<Marker>> attempts, String what) throws InterruptedException {
        return run(check, target, client, context, attempts, VerdictTally.EMPTY, what);
    }

    /** As above, with {@code earlier} verdicts (failed warm-up turns) added to the tally. */
    static CheckOutcome run(CheckDescriptor check, PromptTarget target, PromptClient client, CheckContext context,
                            List<ProbeAttempt<Marker>> attempts, VerdictTally earlier, String what)
            throws InterruptedException {
        AttemptLog<Marker> log = AttemptRunner.run(check.id(), attempts,
                PromptJudge.reading(client, (attempt, answer) -> MarkerJudge.judge(attempt.payload(), answer)),
                context);
        if (earlier.attempts() > 0) {
            log = new AttemptLog<>(log.records(), earlier.plus(log.tally()), log.elapsed(), log.planned(),
                    log.stoppedBecause());
        }
        return CheckOutcome.from(log.tally(), GoalFindings.of(check, target, log, what, IMPACT));
    }
}
