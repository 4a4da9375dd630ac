package dev.bulwark.guard.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds back the end of the filtered text while it could be the start of a canary: the shortest tail whose letters
 * and digits (compared as {@link Skeleton}s, so case and punctuation do not matter) begin some canary, nothing
 * otherwise. So when a canary completes (and the raw-text watch ends the reply) nothing of it has been sent, while
 * ordinary text goes out at once. What the filters add inside a canary ({@code &lt;}, {@code <EMAIL>}) is skipped
 * when comparing. Never more than {@value #MAX_HELD} characters: a canary spread out by more punctuation than that
 * is let through (the raw-text check still catches it; only its start may have gone). Not thread-safe.
 */
final class CanaryHold {
    static final int MAX_HELD = 4096;
    private static final int MAX_TAG = 40;

    private final List<String> skeletons;
    private final int longest;
    private final StringBuilder pending = new StringBuilder();

    CanaryHold(List<String> canarySkeletons) {
        this.skeletons = canarySkeletons.stream().filter(s -> !s.isEmpty()).toList();
        this.longest = skeletons.stream().mapToInt(String::length).max().orElse(0);
    }

    String accept(String text) {
        pending.append(text);
        int cut = heldFrom();
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

    /** The start of the earliest tail that begins a canary, or the end of the pending text. */
    private int heldFrom() {
        int limit = Math.max(0, pending.length() - MAX_HELD);
        // the last letters and digits, up to the longest canary's count, newest first
        var starts = new ArrayList<Integer>();
        var folded = new ArrayList<String>();
        int count = 0;
        int i = pending.length();
        while (i > limit && count < longest) {
            int skip = filterAddition(i);
            if (skip > 0) {
                i -= skip;
                continue;
            }
            int cp = Character.codePointBefore(pending, i);
            i -= Character.charCount(cp);
            String f = Skeleton.of(Character.toString(cp));
            if (f.isEmpty()) continue;
            starts.add(i);
            folded.add(f);
            count += f.length();
        }
        int held = pending.length();
        var tail = new StringBuilder();
        for (int k = 0; k < starts.size(); k++) {
            tail.insert(0, folded.get(k));
            if (beginsCanary(tail)) held = starts.get(k);
        }
        return held;
    }

    private boolean beginsCanary(CharSequence tail) {
        for (String s : skeletons) {
            if (tail.length() <= s.length() && s.startsWith(tail.toString())) return true;
        }
        return false;
    }

    /** The length of an escape ({@code &lt;}) or entity tag ({@code <EMAIL>}) the filters wrote ending at {@code end}, or 0. */
    private int filterAddition(int end) {
        if (end == 0) return 0;
        char last = pending.charAt(end - 1);
        if (last == ';') {
            for (String e : List.of("&lt;", "&gt;", "&amp;", "&quot;")) {
                if (end >= e.length() && pending.substring(end - e.length(), end).equals(e)) return e.length();
            }
        } else if (last == '>') {
            int j = end - 2;
            while (j >= 0 && end - j <= MAX_TAG && (pending.charAt(j) >= 'A' && pending.charAt(j) <= 'Z' || pending.charAt(j) == '_')) j--;
            if (j >= 0 && pending.charAt(j) == '<' && end - j > 3) return end - j;
        }
        return 0;
    }
}
