package dev.bulwark.detect.injection;

/**
 * Folds look-alike letters and leetspeak back to plain Latin, word by word, in already lower-cased text.
 * Cyrillic and Greek look-alikes are folded when the text is mostly Latin (then "іgnоrе" with Cyrillic і/о/е
 * reads "ignore"); in mostly Cyrillic or Greek text only words that mix scripts are folded, so Russian stays
 * Russian. Leetspeak digits are folded only inside words that also hold letters, so "2024" stays a number.
 * Two passes, linear.
 */
final class Confusables {
    private static final String FROM = "аеёіїјорсуххѕԁԛԝɑɡһӏвкмнтгпαβγεηικνορτυχωϲ";
    private static final String TO__ = "aeeiijopcyxxsdqwaghlbkmhtrnabyenikvoptuxwc";
    private static final String LEET_FROM = "013457@$";
    private static final String LEET_TO__ = "oieastas";

    private Confusables() {
    }

    record Result(String text, boolean homoglyphs, boolean leet) {
    }

    static Result fold(String text) {
        boolean latinMajority = latinMajority(text);
        var out = new StringBuilder(text.length());
        boolean homoglyphs = false;
        boolean leet = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!isWordChar(c)) {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && isWordChar(text.charAt(end))) end++;
            WordFold fold = foldWord(text, i, end, latinMajority);
            out.append(fold.word);
            homoglyphs |= fold.mixedScript;
            leet |= fold.leet;
            i = end;
        }
        return new Result(out.toString(), homoglyphs, leet);
    }

    private record WordFold(CharSequence word, boolean mixedScript, boolean leet) {
    }

    private static WordFold foldWord(String text, int start, int end, boolean latinMajority) {
        int latin = 0;
        int lookAlike = 0;
        int otherLetters = 0;
        int digits = 0;
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (c >= 'a' && c <= 'z') latin++;
            else if (FROM.indexOf(c) >= 0) lookAlike++;
            else if (Character.isLetter(c)) otherLetters++;
            else if (LEET_FROM.indexOf(c) >= 0) digits++;
        }
        boolean mixed = lookAlike > 0 && latin > 0;
        boolean foldLookAlikes = lookAlike > 0 && (mixed || latinMajority);
        // Long tokens with digits are identifiers or encodings, not words in disguise.
        boolean foldLeet = digits > 0 && latin + lookAlike >= 2 && otherLetters == 0 && end - start <= 20;
        if (!foldLookAlikes && !foldLeet) return new WordFold(text.subSequence(start, end), false, false);
        var word = new StringBuilder(end - start);
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            int at;
            if (foldLookAlikes && (at = FROM.indexOf(c)) >= 0) word.append(TO__.charAt(at));
            else if (foldLeet && (at = LEET_FROM.indexOf(c)) >= 0) word.append(LEET_TO__.charAt(at));
            else word.append(c);
        }
        return new WordFold(word, mixed, foldLeet);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '@' || c == '$';
    }

    private static boolean latinMajority(String text) {
        int latin = 0;
        int other = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c < 0x250 && Character.isLetter(c)) latin++;
            else if (c >= 0x370 && c < 0x530) other++;
        }
        return latin >= other;
    }
}
