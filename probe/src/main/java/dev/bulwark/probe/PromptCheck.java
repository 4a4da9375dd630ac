package dev.bulwark.probe;

import dev.bulwark.core.Check;
import dev.bulwark.core.CheckContext;
import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.scope.FileTarget;
import dev.bulwark.core.scope.HttpTarget;
import dev.bulwark.core.scope.LlmChatTarget;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.core.scope.Target;
import dev.bulwark.core.Finding;
import dev.bulwark.probe.attempt.SecondOpinion;
import dev.bulwark.probe.attempt.JudgeFindings;
import dev.bulwark.probe.attempt.AttemptLog;
import dev.bulwark.probe.attempt.AttemptRunner;
import dev.bulwark.probe.attempt.Judge;
import dev.bulwark.probe.attempt.ProbeAttempt;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A check of any target that takes a prompt (chat completions or a templated HTTP endpoint): holds the
 * descriptor, accepts prompt targets, and hands the subclass a client for the target that sends through the
 * engagement's rules.
 */
public abstract class PromptCheck implements Check {
    private final CheckDescriptor descriptor;

    protected PromptCheck(CheckDescriptor descriptor) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
    }

    @Override
    public final CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final boolean handles(Target target) {
        return target instanceof PromptTarget;
    }

    /** Prompt checks ask the scope's LLM judge about attempts their own judges cannot score. */
    @Override
    public final boolean consultsJudge() {
        return true;
    }

    @Override
    public final CheckOutcome run(Target target, CheckContext context) throws InterruptedException {
        PromptTarget promptTarget = (PromptTarget) target;
        CheckContext judged = SecondOpinion.around(context);
        CheckOutcome outcome = run(promptTarget, PromptClient.forTarget(promptTarget, context.http()), judged);
        return judged instanceof SecondOpinion second ? JudgeFindings.mark(outcome, second) : outcome;
    }

    protected abstract CheckOutcome run(PromptTarget target, PromptClient client, CheckContext context)
            throws InterruptedException;

    /**
     * Sends every attempt, judges each reply and, when any attempt hit, reports the one root cause they share as a
     * single finding built from the log.
     */
    protected final <T> CheckOutcome judgeAll(List<ProbeAttempt<T>> attempts, Judge<T> judge, CheckContext context,
                                              Function<AttemptLog<T>, Finding> finding) throws InterruptedException {
        AttemptLog<T> log = AttemptRunner.run(descriptor.id(), attempts, judge, context);
        return CheckOutcome.from(log.tally(), log.anyHit() ? List.of(finding.apply(log)) : List.of());
    }

    /**
     * Whether the client {@link #run} gets for {@code target} {@linkplain PromptClient#keepsHistory() keeps
     * history}, known without making one: estimates ({@link #plannedRequests}) must not open a session.
     */
    protected static boolean keepsHistory(Target target) {
        return switch (target) {
            case LlmChatTarget chat -> true;
            case HttpTarget form -> false;
            case FileTarget files -> false; // never handled: prompt checks run on prompt targets only
        };
    }
}
