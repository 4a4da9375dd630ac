package dev.bulwark.probe.attempt;

import dev.bulwark.core.http.HttpReply;
import dev.bulwark.probe.PromptClient;
import dev.bulwark.probe.PromptReply;

/** Judges the answer text of a prompt attempt; {@link #reading} turns it into a {@link Judge} of raw replies. */
@FunctionalInterface
public interface PromptJudge<T> {
    Judgement judge(ProbeAttempt<T> attempt, String answer);

    /**
     * A judge that first reads the reply with the target's client: a non-2xx reply is an ERROR, a 2xx without a
     * readable answer is UNSCORABLE, and only a real answer reaches {@code judge}.
     */
    static <T> Judge<T> reading(PromptClient client, PromptJudge<T> judge) {
        return (ProbeAttempt<T> attempt, HttpReply reply) -> switch (client.read(attempt.call(), reply)) {
            case PromptReply.Answer answer -> judge.judge(attempt, answer.text());
            case PromptReply.Failure failure -> new Judgement(failure.verdict(), failure.problem(), "");
        };
    }
}
