package dev.bulwark.probe.attempt;

/** One attempt and how it was judged. */
public record AttemptRecord<T>(ProbeAttempt<T> attempt, Judgement judgement) {
}
