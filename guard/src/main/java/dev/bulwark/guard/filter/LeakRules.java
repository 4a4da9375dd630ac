package dev.bulwark.guard.filter;

import dev.bulwark.detect.CanaryDetector;
import dev.bulwark.detect.PromptLeakHeuristic;
import java.util.List;

/**
 * What counts as the system prompt leaking: a planted canary anywhere in a reply (compared as letters and digits,
 * so spacing, case and zero-width characters do not hide it), or a verbatim copy of the system prompt. A copy is a
 * run of at least {@value SystemPromptCopy#RUN} words of the prompt that either reads like disclosed instructions
 * ({@link PromptLeakHeuristic}) or is {@value #LONG_RUN} words or longer: business prompts often hold facts
 * (opening hours, prices) a bot is meant to repeat word for word, and blocking those would break ordinary replies.
 * Immutable and thread-safe.
 */
final class LeakRules {
    static final int LONG_RUN = 20;

    private final CanaryDetector canaries;
    private final int longestCanary;
    private final SystemPromptCopy prompt;
    private final PromptLeakHeuristic heuristic = PromptLeakHeuristic.standard();

    LeakRules(List<String> canaries, String systemPrompt) {
        this.canaries = CanaryDetector.of(canaries);
        this.longestCanary = canaries.stream().mapToInt(c -> Skeleton.of(c).length()).max().orElse(0);
        this.prompt = systemPrompt == null ? null : SystemPromptCopy.of(systemPrompt);
    }

    boolean hasCanaries() {
        return longestCanary > 0;
    }

    /** The canaries as {@link Skeleton}s, the form a streamed reply's held tail is compared in. */
    List<String> canarySkeletons() {
        return canaries.canaries().stream().map(Skeleton::of).toList();
    }

    boolean active() {
        return hasCanaries() || prompt != null && !prompt.isEmpty();
    }

    /** A whole reply: the reason it leaks, or null. A canary counts in base64, hex or rot13 too ({@link EncodedViews}). */
    Leak check(String reply) {
        if (!canaries.find(reply).isEmpty()) return Leak.CANARY;
        if (hasCanaries()) {
            for (String view : EncodedViews.of(reply)) if (!canaries.find(view).isEmpty()) return Leak.CANARY;
        }
        if (prompt == null || prompt.isEmpty()) return null;
        SystemPromptCopy.Words words = prompt.follow();
        words.accept(reply);
        words.finish();
        return copied(words.longestRun(), reply) ? Leak.SYSTEM_PROMPT : null;
    }

    boolean copied(int longestRun, String replySoFar) {
        if (longestRun >= LONG_RUN) return true;
        if (longestRun < SystemPromptCopy.RUN) return false;
        String head = replySoFar.length() <= Watch.HEURISTIC_CHARS ? replySoFar
                : replySoFar.substring(0, Watch.HEURISTIC_CHARS);
        return heuristic.score(head).flagged();
    }

    Watch watch() {
        return new Watch();
    }

    /** Why a reply was withheld; the decision's detector name. */
    enum Leak {
        CANARY("canary"), SYSTEM_PROMPT("system-prompt");

        final String detector;

        Leak(String detector) {
            this.detector = detector;
        }
    }

    /**
     * Watches the raw text of one streamed reply as it arrives. The canary check keeps only the letters and digits a
     * canary still in progress could need; the copy check keeps the last words and, for the heuristic, the first
     * {@value #HEURISTIC_CHARS} characters (what it reads of a whole reply too). Not thread-safe.
     */
    final class Watch {
        private static final int HEURISTIC_CHARS = 20_000;
        /** The heuristic re-reads the text at most this often while a run is long enough to ask it. */
        private static final int HEURISTIC_EVERY = 512;

        private final StringBuilder tail = new StringBuilder();
        private final SystemPromptCopy.Words words = prompt == null || prompt.isEmpty() ? null : prompt.follow();
        private final StringBuilder head = new StringBuilder();
        private int sinceHeuristic = HEURISTIC_EVERY;

        /** The leak the text so far shows, or null. */
        Leak accept(CharSequence raw) {
            if (hasCanaries()) {
                String skeleton = Skeleton.of(tail.append(raw));
                if (!canaries.find(skeleton).isEmpty()) return Leak.CANARY;
                tail.setLength(0);
                tail.append(skeleton, Math.max(0, skeleton.length() - (longestCanary - 1)), skeleton.length());
            }
            if (words == null) return null;
            if (head.length() < HEURISTIC_CHARS) head.append(raw, 0, Math.min(raw.length(), HEURISTIC_CHARS - head.length()));
            words.accept(raw);
            sinceHeuristic += raw.length();
            if (words.longestRun() >= LONG_RUN) return Leak.SYSTEM_PROMPT;
            if (words.longestRun() >= SystemPromptCopy.RUN && sinceHeuristic >= HEURISTIC_EVERY) {
                sinceHeuristic = 0;
                if (heuristic.score(head.toString()).flagged()) return Leak.SYSTEM_PROMPT;
            }
            return null;
        }

        /** The reply ended: the last word counts, and the copy check gets its final look. */
        Leak finish() {
            if (words == null) return null;
            words.finish();
            return copied(words.longestRun(), head.toString()) ? Leak.SYSTEM_PROMPT : null;
        }
    }
}
