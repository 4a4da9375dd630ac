package dev.bulwark.detect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Finds planted canary strings in a text. A model that leaks a canary often reformats it — changes case, adds
 * spaces or dashes, wraps it in markdown, or an attacker slips zero-width characters in — so both sides are
 * compared as {@linkplain Text#skeleton skeletons} (letters and digits only, case-folded). Canaries should be
 * distinctive (a random code); a canary whose skeleton is empty is rejected. Immutable and thread-safe; work is
 * linear in the (capped) text length per canary.
 */
public final class CanaryDetector {
    /** Keeps the substring search cheap: a canary is a short code, not a document. */
    static final int MAX_CANARY = 256;

    private final List<String> canaries;
    private final List<String> skeletons;

    private CanaryDetector(List<String> canaries, List<String> skeletons) {
        this.canaries = canaries;
        this.skeletons = skeletons;
    }

    public static CanaryDetector of(Collection<String> canaries) {
        var originals = new ArrayList<String>();
        var skeletons = new ArrayList<String>();
        for (String canary : canaries) {
            String skeleton = Text.skeleton(canary);
            if (skeleton.isEmpty()) {
                throw new IllegalArgumentException("canary '" + canary + "' has no letters or digits to look for");
            }
            if (skeleton.length() > MAX_CANARY) {
                throw new IllegalArgumentException("canary longer than " + MAX_CANARY + " letters and digits");
            }
            originals.add(canary);
            skeletons.add(skeleton);
        }
        return new CanaryDetector(List.copyOf(originals), List.copyOf(skeletons));
    }

    public static CanaryDetector of(String... canaries) {
        return of(List.of(canaries));
    }

    /** The canaries that occur in {@code text}, as they were given, in the order they were given. */
    public List<String> find(String text) {
        if (canaries.isEmpty()) return List.of();
        String haystack = Text.skeleton(text);
        var found = new ArrayList<String>();
        for (int i = 0; i < canaries.size(); i++) {
            if (haystack.contains(skeletons.get(i))) found.add(canaries.get(i));
        }
        return List.copyOf(found);
    }

    public boolean anyIn(String text) {
        return !find(text).isEmpty();
    }

    public List<String> canaries() {
        return canaries;
    }
}
