package dev.bulwark.probe.decode;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts very common English words, to tell a real decoding (rot13 or reversed text that becomes English) from a
 * transform of ordinary text (which becomes gibberish). Counting stops at a cap, so the work is bounded.
 */
final class CommonWords {
    static final int CAP = 50;
    private static final Pattern WORD = Pattern.compile("\\p{L}{1,12}+");
    private static final Set<String> WORDS = Set.of("the", "and", "you", "your", "are", "is", "to", "of", "in",
            "it", "for", "on", "with", "this", "that", "here", "code", "my", "an", "be", "as", "at",
            "by", "we", "our", "not", "can", "will", "have", "has", "was", "from", "or", "email", "name", "phone",
            "number", "address", "password", "key", "customer", "instructions", "system", "prompt", "sure", "what");

    private CommonWords() {
    }

    static int count(String text) {
        Matcher m = WORD.matcher(text);
        int n = 0;
        while (n < CAP && m.find()) {
            if (WORDS.contains(m.group().toLowerCase(Locale.ROOT))) n++;
        }
        return n;
    }

    /**
     * A transform of {@code original} reads as English: at least three common words, and more than twice as many
     * as before (a rot13 of English text has almost none; a rot13 of gibberish gains one or two by chance).
     */
    static boolean improves(String original, String transformed) {
        int after = count(transformed);
        return after >= 3 && after >= 2 * count(original) + 3;
    }
}
