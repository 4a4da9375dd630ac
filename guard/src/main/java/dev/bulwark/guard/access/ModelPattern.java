package dev.bulwark.guard.access;

/**
 * A name pattern from a role (models, and the tools a request may offer): literal characters and {@code *} for any
 * run of characters. Matched by a greedy two-pointer scan (linear-ish, no regex), so a hostile name cannot make it
 * backtrack for long. Used by roles and by the choice of upstream. Names over {@link #MAX_MODEL_LENGTH} never match,
 * not even {@code *} (real model and function names are far shorter; OpenAI caps function names at 64).
 */
public record ModelPattern(String pattern) {
    /** Model names longer than this never match (real ones are far shorter). */
    static final int MAX_MODEL_LENGTH = 256;

    public boolean matches(String model) {
        if (model.length() > MAX_MODEL_LENGTH) return false;
        int p = 0;
        int m = 0;
        int star = -1;
        int starMatch = 0;
        while (m < model.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                starMatch = m;
            } else if (p < pattern.length() && pattern.charAt(p) == model.charAt(m)) {
                p++;
                m++;
            } else if (star >= 0) {
                p = star + 1;
                m = ++starMatch;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') p++;
        return p == pattern.length();
    }
}
