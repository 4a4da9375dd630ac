package dev.bulwark.guard.filter;

/**
 * Holds back the end of the filtered text in which a canary could still be starting: the last letters and digits,
 * as many as the longest canary has plus a margin for what the filters add ({@code &lt;}, {@code <EMAIL>}), so when
 * a canary completes nothing of it has been sent. Never more than {@value #MAX_HELD} characters: a canary spread out
 * by more punctuation than that is let through (the raw-text check still catches it; only its start may have gone).
 * Not thread-safe.
 */
final class CanaryHold {
    static final int MAX_HELD = 4096;
    private static final int MARGIN = 32;

    private final int keep;
    private final StringBuilder pending = new StringBuilder();

    CanaryHold(int longestCanary) {
        this.keep = longestCanary + MARGIN;
    }

    String accept(String text) {
        pending.append(text);
        int cut = pending.length();
        int seen = 0;
        while (cut > 0 && seen < keep) {
            cut--;
            if (Skeleton.counts(pending, cut)) seen++;
        }
        cut = Math.max(cut, pending.length() - MAX_HELD);
        if (cut > 0 && cut < pending.length() && Character.isLowSurrogate(pending.charAt(cut))) cut--;
        if (cut <= 0) return "";
        String out = pending.substring(0, cut);
        pending.delete(0, cut);
        return out;
    }

    String finish() {
        String out = pending.toString();
        pending.setLength(0);
        return out;
    }
}
