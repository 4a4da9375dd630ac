package dev.bulwark.guard.audit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Anchors: a checkpoint's {@code SEQ:HASH} (e.g. {@code 2285:sha256:9f…}) copied somewhere the gateway cannot write
 * — a ticket, a second system — and given back to {@code audit verify --anchor}. The chain and its signatures show
 * any record changed, removed or reordered between the first and the last record present; an anchor also shows
 * records cut off the end (or the start) of the log, which leave a shorter chain that verifies.
 */
public final class Anchors {
    private Anchors() {
    }

    /** {@code SEQ:HASH} for a record. */
    public static String format(long seq, String hash) {
        return seq + ":" + hash;
    }

    /** Reads {@code SEQ:HASH} anchors; an unreadable one is an {@link IllegalArgumentException} naming it. */
    public static Map<Long, String> parse(List<String> given) {
        Map<Long, String> anchors = new TreeMap<>();
        for (String anchor : given) {
            int colon = anchor.indexOf(':');
            long seq;
            try {
                seq = colon > 0 ? Long.parseLong(anchor.substring(0, colon)) : -1;
            } catch (NumberFormatException e) {
                seq = -1;
            }
            String hash = colon > 0 ? anchor.substring(colon + 1) : "";
            if (seq < 1 || !Hashes.isHash(hash)) {
                throw new IllegalArgumentException("anchor '" + anchor + "': expected SEQ:sha256:<64 hex digits>, as "
                        + "'audit verify' prints it");
            }
            String earlier = anchors.putIfAbsent(seq, hash);
            if (earlier != null && !earlier.equals(hash)) {
                throw new IllegalArgumentException("two anchors for seq " + seq + " with different hashes");
            }
        }
        return anchors;
    }
}
