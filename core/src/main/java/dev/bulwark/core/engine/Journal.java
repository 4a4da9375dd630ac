package dev.bulwark.core.engine;

import dev.bulwark.core.Finding;
import java.util.List;
import java.util.Optional;

/**
 * Where an engagement records finished check runs as it goes, and asks which ones an earlier, interrupted run
 * already finished ({@code --resume}). Only runs that completed without the engagement halting are recorded, so
 * a check cut short by Ctrl-C or the budget runs again in full.
 */
public interface Journal {
    /** A check run that finished, with what it found. */
    record Completed(CheckRun run, List<Finding> findings) {
        public Completed {
            findings = List.copyOf(findings);
        }
    }

    /** The earlier result of {@code check} on {@code target}, when an earlier run finished it. */
    Optional<Completed> finished(String check, String target);

    /** Records a finished run (durably, before the next one starts). */
    void completed(Completed completed);

    /** The run is over (complete or not): record the final request count. */
    default void ended() {
    }

    /** Requests sent by the earlier runs this one continues. */
    long previousRequests();

    /** Records nothing and knows of no earlier run. */
    Journal NONE = new Journal() {
        @Override
        public Optional<Completed> finished(String check, String target) {
            return Optional.empty();
        }

        @Override
        public void completed(Completed completed) {
        }

        @Override
        public long previousRequests() {
            return 0;
        }
    };
}
