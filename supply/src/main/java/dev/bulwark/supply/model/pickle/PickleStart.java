package dev.bulwark.supply.model.pickle;

import dev.bulwark.supply.model.Head;
import dev.bulwark.supply.model.ScanLimits;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Decides whether bytes start a pickle. Protocol 2+ pickles open with PROTO; protocol 0/1 ones (and dill, joblib,
 * hand-made exploits) open with an opcode that pushes something. The first bytes are then simulated: text, images
 * and other binaries break the machine within a few opcodes (bad operand, stack underflow, unknown opcode).
 */
final class PickleStart {
    private static final boolean[] FIRST = new boolean[256];

    static {
        // what real pickles start with: PROTO, MARK, empty containers, imports, scalars, persistent ids
        for (char c : "(]})cISVNJKMLTUXFGP".toCharArray()) FIRST[c] = true;
        for (int c : new int[] {0x80, 0x88, 0x89, 0x8a, 0x8c, 0x95}) FIRST[c] = true;
    }

    private PickleStart() {
    }

    /** True when {@code opcode} is one a real pickle begins with. */
    static boolean plausible(int opcode) {
        return opcode >= 0 && opcode < 256 && FIRST[opcode];
    }

    /**
     * True when the head begins a pickle: a plausible first opcode, then the STOP or the end of the head without an
     * error, or a PROTO header or an import before whatever breaks it (a truncated or sabotaged pickle is still a
     * pickle, and must be reported as not verified rather than skipped).
     */
    static boolean recognizes(Head head) {
        byte[] bytes = head.bytes();
        if (bytes.length == 0 || !plausible(bytes[0] & 0xFF)) return false;
        if ((bytes[0] & 0xFF) == 0x80 && (bytes.length < 2 || (bytes[1] & 0xFF) > 5)) return false;
        try {
            PickleSource src = new PickleSource(bytes);
            ScanLimits probeLimits = new ScanLimits(1, 1, 0, 1, 0, bytes.length + 1L, Head.SIZE);
            PickleMachine.Run run = new PickleMachine(src, probeLimits, PickleObserverAdapter.SILENT, true, 0).run(false);
            return switch (run.end()) {
                case STOPPED -> true;
                case NOT_A_PICKLE -> false;
                // a PROTO header or an import is a pickle even if it breaks later: an exploit may break on purpose
                // after its payload ran; otherwise only running out of head bytes is allowed
                case BROKEN -> run.framed() || run.imports() > 0
                        || run.reason().endsWith("(truncated)") && (head.size() > bytes.length || head.size() < 0);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
