package dev.bulwark.probe.attempt;

import dev.bulwark.core.Verdict;
import dev.bulwark.core.VerdictTally;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a run of attempts produced: every judged attempt in order, the verdict tally, how long it took, and
 * whether it ended before all attempts were made (and why).
 */
public record AttemptLog<T>(List<AttemptRecord<T>> records, VerdictTally tally, Duration elapsed, int planned,
                            String stoppedBecause) {
    public AttemptLog {
        records = List.copyOf(records);
        stoppedBecause = stoppedBecause == null ? "" : stoppedBecause;
    }

    public List<AttemptRecord<T>> hits() {
        return records.stream().filter(r -> r.judgement().verdict() == Verdict.HIT).toList();
    }

    public boolean anyHit() {
        return tally.hits() > 0;
    }

    public boolean stoppedEarly() {
        return !stoppedBecause.isEmpty();
    }

    /** Hits over judged attempts (errors and unscorable replies are left out of the rate, and said separately). */
    public double successRate() {
        return tally.decided() == 0 ? 0 : (double) tally.hits() / tally.decided();
    }

    /** E.g. "3 of 7 judged attempts succeeded (43%); 1 errored". */
    public String rateSummary() {
        var text = new StringBuilder(String.format(Locale.ROOT, "%d of %d judged attempts succeeded (%.0f%%)",
                tally.hits(), tally.decided(), successRate() * 100));
        if (tally.errors() > 0) text.append("; ").append(tally.errors()).append(" errored");
        if (tally.unscorable() > 0) text.append("; ").append(tally.unscorable()).append(" could not be judged");
        if (stoppedEarly()) text.append("; stopped after ").append(records.size()).append(" of ").append(planned)
                .append(" (").append(stoppedBecause).append(")");
        return text.toString();
    }
}
