package dev.bulwark.probe.attempt;

import dev.bulwark.core.http.HttpReply;

/**
 * Decides one attempt from the HTTP reply that came back. Transport failures and refusals of the engagement
 * client never reach a judge: the {@link AttemptRunner} records them as ERROR. Judges for prompt checks are
 * usually built with {@link PromptJudge#reading}, which handles unreadable and non-2xx replies first.
 */
@FunctionalInterface
public interface Judge<T> {
    Judgement judge(ProbeAttempt<T> attempt, HttpReply reply);
}
