package dev.bulwark.guard.filter;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The system prompt as a set of {@value #RUN}-word shingles (words: runs of letters and digits, lower-cased), so a
 * reply can be checked for verbatim runs of it word by word, in a stream too. Immutable and thread-safe.
 */
final class SystemPromptCopy {
    /** A run this long is a copy, not a coincidence of common phrases. */
    static final int RUN = 8;
    /** Longer words are cut (the same way on both sides), keeping per-word work and memory bounded. */
    static final int MAX_WORD = 48;

    private final Set<String> shingles;

    private SystemPromptCopy(Set<String> shingles) {
        this.shingles = Set.copyOf(shingles);
    }

    static SystemPromptCopy of(String systemPrompt) {
        var shingles = new HashSet<String>();
        var words = new Words(shingle -> {
            shingles.add(shingle);
            return false;
        });
        words.accept(systemPrompt);
        words.finish();
        return new SystemPromptCopy(shingles);
    }

    boolean isEmpty() {
        return shingles.isEmpty();
    }

    /** Follows one reply: {@link Words#longestRun()} is its longest verbatim run of the prompt, in words. */
    Words follow() {
        return new Words(shingles::contains);
    }

    /** Splits text into words as it arrives and tests each new shingle. Not thread-safe. */
    static final class Words {
        private final java.util.function.Predicate<String> known;
        private final String[] last = new String[RUN];
        private final StringBuilder word = new StringBuilder();
        private int count;
        private int run;
        private int longest;

        Words(java.util.function.Predicate<String> known) {
            this.known = known;
        }

        void accept(CharSequence text) {
            for (int i = 0; i < text.length(); ) {
                int cp = Character.codePointAt(text, i);
                i += Character.charCount(cp);
                if (Character.isLetterOrDigit(cp)) {
                    if (word.length() < MAX_WORD) word.appendCodePoint(Character.toLowerCase(cp));
                } else {
                    endWord();
                }
            }
        }

        void finish() {
            endWord();
        }

        int longestRun() {
            return longest;
        }

        private void endWord() {
            if (word.isEmpty()) return;
            last[count % RUN] = word.toString().toLowerCase(Locale.ROOT);
            word.setLength(0);
            count++;
            if (count < RUN) return;
            var shingle = new StringBuilder();
            for (int k = count - RUN; k < count; k++) shingle.append(last[k % RUN]).append(' ');
            if (known.test(shingle.toString())) {
                run = run == 0 ? RUN : run + 1;
                longest = Math.max(longest, run);
            } else {
                run = 0;
            }
        }
    }
}
