package dev.bulwark.core.engine;

/**
 * Follows an engagement as it runs: the CLI draws a progress bar on a terminal and stays quiet otherwise. Called on
 * the runner's thread; a listener that throws is ignored, since drawing progress must never break an assessment.
 */
public interface ProgressListener {

    /** The plan is ready: {@code totalUnits} check-on-target runs will be reported through {@link #advanced}. */
    void started(int totalUnits);

    /** One check-on-target run is done (or was skipped). */
    void advanced(String what);

    /** The run is over, complete or not. */
    void finished();

    /** A running check reported a step inside its unit (optional). */
    default void detail(String message) {
    }

    /** Listens to nothing. */
    static ProgressListener none() {
        return Silent.INSTANCE;
    }

    /** The no-op listener. */
    enum Silent implements ProgressListener {
        INSTANCE;

        @Override
        public void started(int totalUnits) {
        }

        @Override
        public void advanced(String what) {
        }

        @Override
        public void finished() {
        }
    }
}
