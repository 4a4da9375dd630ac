package dev.bulwark.probe.attempt;

import dev.bulwark.core.CheckContext;
import dev.bulwark.core.Verdict;
import dev.bulwark.core.VerdictTally;
import dev.bulwark.core.http.EngagementException;
import dev.bulwark.core.http.HttpReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The one loop every probe uses: send each attempt through the engagement client, judge the reply, tally the
 * verdicts. A refusal of the engagement client (out of scope, budget spent, stopped) or a transport failure is an
 * ERROR, never a pass; once the budget is spent, the run stopped or the host is out of scope, the remaining
 * attempts are skipped, as they are when {@link CheckContext#stopRequested()} turns true. When the scope names an
 * LLM judge ({@link SecondOpinion}), an UNSCORABLE judgement is passed to it for a verdict.
 */
public final class AttemptRunner {
    private AttemptRunner() {
    }

    public static <T> AttemptLog<T> run(String checkId, List<ProbeAttempt<T>> attempts, Judge<T> judge,
                                        CheckContext context) throws InterruptedException {
        return run(checkId, attempts, judge, context, record -> false);
    }

    /** As {@link #run(String, List, Judge, CheckContext)}, ending early once {@code enough} holds for a record. */
    public static <T> AttemptLog<T> run(String checkId, List<ProbeAttempt<T>> attempts, Judge<T> judge,
                                        CheckContext context, Predicate<AttemptRecord<T>> enough)
            throws InterruptedException {
        long start = System.nanoTime();
        var records = new ArrayList<AttemptRecord<T>>();
        VerdictTally tally = VerdictTally.EMPTY;
        String stopped = "";
        for (ProbeAttempt<T> attempt : attempts) {
            if (context.stopRequested()) {
                stopped = "the engagement asked to stop";
                break;
            }
            context.progress(checkId + ": " + attempt.label());
            Judgement judgement;
            try {
                HttpReply reply = context.http().send(attempt.call());
                judgement = judgeSafely(judge, attempt, reply);
                if (context instanceof SecondOpinion second) judgement = second.review(checkId, attempt, judgement);
            } catch (EngagementException e) {
                judgement = Judgement.error(e.reason().name().toLowerCase(Locale.ROOT) + ": " + e.getMessage());
                if (e.reason() != EngagementException.Reason.TRANSPORT) stopped = e.getMessage();
            }
            var record = new AttemptRecord<>(attempt, judgement);
            records.add(record);
            tally = judgement.verdict() == Verdict.ERROR ? tally.error(judgement.reason()) : tally.add(judgement.verdict());
            if (!stopped.isEmpty()) break;
            if (enough.test(record)) break;
        }
        return new AttemptLog<>(records, tally, Duration.ofNanos(System.nanoTime() - start), attempts.size(), stopped);
    }

    /** A judge that throws on a strange reply has not judged it: that is unscorable, not a crash of the check. */
    private static <T> Judgement judgeSafely(Judge<T> judge, ProbeAttempt<T> attempt, HttpReply reply) {
        try {
            return judge.judge(attempt, reply);
        } catch (RuntimeException e) {
            return Judgement.unscorable("the reply could not be judged: " + e, "");
        }
    }
}
