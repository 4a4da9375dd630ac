package dev.bulwark.supply.model.pickle;

import dev.bulwark.supply.model.ScanLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;

/**
 * Walks every pickle in a stream, back to back: legacy PyTorch files stack several pickles and then raw storage
 * bytes, joblib files interleave arrays. After a STOP the next bytes are tried as a pickle; bytes that cannot start
 * one are data and end the walk quietly. A pickle that breaks (truncated, unknown opcode, a limit) is reported as
 * not verified, except a trailing run of data that merely began with a plausible byte: it imported nothing and
 * did not get past a protocol 2+ PROTO header.
 */
final class PickleStreamScanner {
    private final ScanLimits limits;
    private final PickleObserver observer;

    private final boolean commonLoop;

    PickleStreamScanner(ScanLimits limits, PickleObserver observer) {
        this(limits, observer, true);
    }

    /** @param commonLoop false runs every opcode through the machine's general path (tests compare the two) */
    PickleStreamScanner(ScanLimits limits, PickleObserver observer, boolean commonLoop) {
        this.limits = limits;
        this.observer = observer;
        this.commonLoop = commonLoop;
    }

    /** Scans {@code in} to its end or to the first data that is not a pickle; returns the number of pickles. */
    int scan(InputStream in) throws IOException {
        return scan(new PickleSource(in));
    }

    /** Scans a file from {@code channel}'s position to its end or to the first data that is not a pickle. */
    int scan(FileChannel channel) throws IOException {
        return scan(new PickleSource(channel));
    }

    private int scan(PickleSource src) throws IOException {
        int pickles = 0;
        while (true) {
            boolean followOn = pickles > 0;
            if (followOn && src.peek() < 0) return pickles;
            PickleMachine.Run run = new PickleMachine(src, limits, observer, false, 0, commonLoop).run(followOn);
            switch (run.end()) {
                case STOPPED -> pickles++;
                case NOT_A_PICKLE -> {
                    if (!followOn) observer.notVerified(run.offset(), "the input is empty or does not start with a pickle opcode");
                    return pickles;
                }
                case BROKEN -> {
                    boolean committed = run.imports() > 0 || run.framed() && run.opcodes() >= 2;
                    boolean trailingData = followOn && !committed;
                    if (!trailingData) observer.notVerified(run.offset(), run.reason());
                    return pickles;
                }
            }
        }
    }
}
