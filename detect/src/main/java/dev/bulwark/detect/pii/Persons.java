package dev.bulwark.detect.pii;

import dev.bulwark.detect.ContextWords;
import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityType;
import dev.bulwark.detect.Recognizer;
import dev.bulwark.detect.ScanText;
import dev.bulwark.detect.Settling;
import dev.bulwark.detect.pii.NameGazetteer.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Person names: runs of capitalised words that the name gazetteer knows, scored by how many parts they have and
 * by the words before them (titles such as "Mr" or "Dr", "my name is", "Dear", "signed"). A single known name
 * needs such context; a title makes even an unknown capitalised word a name. One hand-written pass over the text.
 */
final class Persons implements Recognizer {
    private static final int MAX_TOKENS = 4;
    private static final int MAX_TOKEN_LENGTH = 30;

    private static final ContextWords TITLE = ContextWords.before(6, 0.4, "mr", "mrs", "ms", "miss", "mx", "dr",
            "prof", "sir", "dear", "madam", "mme", "mlle", "herr", "frau", "sr", "sra", "hi", "hello");
    /** Phrases that introduce a name: after them even a capitalised word the gazetteer lacks is one. */
    private static final ContextWords INTRO = ContextWords.before(16, 0.4, "name is", "my name", "name:", "named",
            "i am", "i'm", "called", "signed", "regards", "sincerely", "attn", "attention", "last name",
            "first name", "full name", "surname", "ask for", "under");
    private static final List<ContextWords> CONTEXT = List.of(
            ContextWords.before(25, 0.15, "thanks", "cheers", "contact", "customer", "patient", "employee", "founders",
                    "assistant to", "by", "with"),
            ContextWords.around(30, 0.15, "he", "she", "his", "her", "him", "said", "says", "wrote", "told", "asked",
                    "lives", "spent", "had"));

    private final NameGazetteer gazetteer;

    Persons(NameGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** One capitalised word (or initial) of a candidate name. */
    private record Token(int start, int end, Kind kind, boolean initial) {
    }

    /** Receives each name candidate with its score (unclamped), and whether words after it could still raise it. */
    private interface Candidates {
        void add(int start, int end, double score, boolean rightOpen);
    }

    @Override
    public void scan(ScanText text, List<Entity> out) {
        candidates(text, (start, end, score, open) ->
                out.add(new Entity(EntityType.PERSON, start, end, Math.max(0, Math.min(1, score)))));
    }

    /**
     * A capitalised run that may still grow (the value-like run), and a name under the threshold whose score the
     * words after it may still lift over it (a pronoun or "said" within {@value #AFTER} characters, a list, a
     * speaker's colon): such a name waits until those characters have arrived.
     */
    @Override
    public int unsettledFrom(ScanText text) {
        // only names ending within AFTER of the end matter; with their run and the context before it, they lie in
        // the last LOOK characters, so a long tail costs no more than a short one
        int offset = Math.max(0, text.length() - LOOK);
        ScanText near = offset == 0 ? text : ScanText.of(text.text().substring(offset), text.threshold());
        int[] from = {Settling.valueRun(near)};
        candidates(near, (start, end, score, open) -> {
            if (open && score < near.threshold() && score + RIGHT_BONUS >= near.threshold()) from[0] = Math.min(from[0], start);
        });
        return offset + from[0];
    }


    /** How far after a name its scoring reads (the widest context window, a list's " and X"). */
    private static final int AFTER = 30;
    /** The most the words after a name can add: context, list or speaker, and no sentence-start penalty. */
    private static final double RIGHT_BONUS = 0.15 + 0.2 + 0.1;
    /** A name's run and the context before it ({@link #maxSpan}), plus the reach after it. */
    private static final int LOOK = MAX_TOKENS * (MAX_TOKEN_LENGTH + 2) + 30 + AFTER + 16;

    private void candidates(ScanText text, Candidates out) {
        String s = text.text();
        var run = new ArrayList<Token>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (Character.isLetter(s.charAt(i)) || isJoiner(s, i))) i++;
            int end = i;
            Token token = token(s, start, end);
            boolean adjacent = !run.isEmpty() && joined(s, run.get(run.size() - 1), start);
            if (token == null || !adjacent) {
                if (!run.isEmpty()) emit(text, run, out);
                run.clear();
            }
            if (token != null) run.add(token);
        }
        if (!run.isEmpty()) emit(text, run, out);
    }

    private static boolean isJoiner(String s, int i) {
        char c = s.charAt(i);
        return (c == '\'' || c == '’' || c == '-') && i + 1 < s.length() && Character.isLetter(s.charAt(i + 1))
                && i > 0 && Character.isLetter(s.charAt(i - 1));
    }

    /** A capitalised word, or null when the word cannot be part of a name. */
    private Token token(String s, int start, int end) {
        int length = end - start;
        if (length > MAX_TOKEN_LENGTH || !Character.isUpperCase(s.charAt(start))) return null;
        if (length == 1) return new Token(start, end + (end < s.length() && s.charAt(end) == '.' ? 1 : 0), Kind.UNKNOWN, true);
        boolean hasLower = false;
        for (int k = start + 1; k < end; k++) hasLower |= Character.isLowerCase(s.charAt(k));
        if (!hasLower) return null; // ACRONYMS and SHOUTING are not names we can judge
        return new Token(start, end, gazetteer.kind(s.substring(start, end)), false);
    }

    /** Two tokens belong to one name when one space (after an initial: its dot and a space) separates them. */
    private static boolean joined(String s, Token previous, int start) {
        int gap = start - previous.end();
        return gap == 1 && s.charAt(previous.end()) == ' ';
    }

    /** Finds the names inside one run of capitalised words. */
    private void emit(ScanText text, List<Token> run, Candidates out) {
        int k = 0;
        while (k < run.size()) {
            Token first = run.get(k);
            // Only a gazetteer name, or a capitalised word right after a title or an introduction in the same
            // sentence, starts a name; the context look-ups are skipped for every other capitalised word.
            int floor = first.kind() == Kind.STOP || first.initial() ? first.start() : sentenceFloor(text, first.start());
            boolean before = wordBefore(text, floor, first.start());
            boolean titled = before && TITLE.presentSince(text, floor, first.start(), first.start());
            boolean introduced = before && INTRO.presentSince(text, floor, first.start(), first.start());
            boolean starts = first.kind() == Kind.NAME
                    || ((titled || introduced) && first.kind() != Kind.STOP && !first.initial()
                        && !quotedLabel(text, first));
            if (!starts) {
                k++;
                continue;
            }
            int last = k;
            int known = first.kind() == Kind.NAME || first.kind() == Kind.AMBIGUOUS ? 1 : 0;
            while (last + 1 < run.size() && last + 1 - k < MAX_TOKENS) {
                Token next = run.get(last + 1);
                if (next.kind() == Kind.STOP) break;
                last++;
                if (next.kind() == Kind.NAME || next.kind() == Kind.AMBIGUOUS) known++;
            }
            while (last > k && run.get(last).initial()) last--; // a name does not end on an initial
            boolean suffixed = last + 1 < run.size() && run.get(last + 1).kind() == Kind.STOP;
            int start = first.start();
            int end = trimDot(text, run.get(last).end());
            int parts = last - k + 1;
            double score = parts == 1 ? 0.4 : known == parts ? 0.7 : 0.6;
            if (titled) score = Math.min(1, score + TITLE.weight());
            if (introduced) score = Math.min(1, score + INTRO.weight());
            score = ContextWords.applyAll(CONTEXT, text, start, end, score);
            if (parts == 1 && sentenceStart(text, start) && !speaker(text, end)) score -= 0.1;
            if (parts == 1 && (speaker(text, end) || listed(text, start, end))) score += 0.2;
            if (suffixed) score -= 0.4; // "Crown Street", "Hall Orchestra"
            if (numberBefore(text, start)) score -= 0.4;
            out.add(start, end, score, end + AFTER >= text.length());
            k = last + 1;
        }
    }

    /**
     * A single capitalised word alone in quotes — {@code under "Documents"}, {@code called 'Settings'} — is a label
     * (a menu, a folder, a product), not a name; only the context words would have made it one. (A quote on each
     * side also means the word is a run of its own: words of a run are joined by one space.)
     */
    private static boolean quotedLabel(ScanText text, Token token) {
        return QUOTES.indexOf(text.at(token.start() - 1)) >= 0 && QUOTES.indexOf(text.at(token.end())) >= 0;
    }

    private static final String QUOTES = "\"'“”‘’«»";

    /** "1668 Glyn St", "12, Rue …": a street number (maybe with a dot or comma) and one space before the name. */
    private static boolean numberBefore(ScanText text, int start) {
        if (text.at(start - 1) != ' ') return false;
        char c = text.at(start - 2);
        if (c == '.' || c == ',') c = text.at(start - 3);
        return c >= '0' && c <= '9';
    }

    /**
     * Where the sentence holding {@code start} begins, looking back at most {@value #CONTEXT_BACK} characters: just
     * after a {@code .}, {@code !} or {@code ?} that is followed by whitespace — except the dot of a title ("Dr.")
     * or an initial ("J."). Context words before that belong to another sentence.
     */
    private static int sentenceFloor(ScanText text, int start) {
        int limit = Math.max(0, start - CONTEXT_BACK);
        for (int p = start - 1; p > limit; p--) {
            char c = text.charAt(p - 1);
            if (!Character.isWhitespace(text.charAt(p)) || (c != '.' && c != '!' && c != '?')) continue;
            if (c == '.' && abbreviation(text, p - 1)) continue;
            return p;
        }
        return limit;
    }

    private static final int CONTEXT_BACK = 16;

    /** Whether a word of the same sentence precedes the name: else no title or introduction can. */
    private static boolean wordBefore(ScanText text, int floor, int start) {
        for (int p = start - 1; p >= floor; p--) if (Character.isLetter(text.charAt(p))) return true;
        return false;
    }
    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of("mr", "mrs", "ms", "mx", "dr", "prof",
            "st", "sr", "sra", "jr", "rev", "mme", "mlle", "messrs", "hon", "capt", "col", "gen", "lt", "sgt");

    /** Whether the word ending at the dot at {@code dot} is a title abbreviation or a one-letter initial. */
    private static boolean abbreviation(ScanText text, int dot) {
        int from = dot;
        while (from > 0 && dot - from < 6 && Character.isLetter(text.charAt(from - 1))) from--;
        if (dot - from == 1) return Character.isUpperCase(text.charAt(from)); // "J." but not "… plan a."
        return ABBREVIATIONS.contains(text.lower().substring(from, dot));
    }

    /** "Nicole: Remember me?" — a speaker label in a dialogue. */
    private static boolean speaker(ScanText text, int end) {
        return text.at(end) == ':' && text.at(end + 1) == ' ';
    }

    /** One item of a list of capitalised words: "Hannah, Anthony, Derek and Anna". */
    private boolean listed(ScanText text, int start, int end) {
        String s = text.text();
        boolean commaAfter = text.at(end) == ',' && Character.isUpperCase(text.at(end + 2));
        boolean andAfter = s.startsWith(" and ", end) && Character.isUpperCase(text.at(end + 5));
        boolean commaBefore = start >= 2 && text.at(start - 2) == ',' && Character.isLetter(text.at(start - 3));
        boolean andBefore = start >= 5 && s.startsWith(" and ", start - 5) && Character.isLetter(text.at(start - 6));
        return (commaAfter || andAfter) && (commaBefore || andBefore) || commaAfter && andAfter;
    }

    private static int trimDot(ScanText text, int end) {
        return text.charAt(end - 1) == '.' ? end - 1 : end;
    }

    /** Capitalised because it opens a sentence, not necessarily because it is a name. */
    private static boolean sentenceStart(ScanText text, int start) {
        int p = start - 1;
        while (p >= 0 && text.charAt(p) == ' ') p--;
        return p < 0 || ".!?\n\"".indexOf(text.charAt(p)) >= 0;
    }

    @Override
    public int maxSpan() {
        return MAX_TOKENS * (MAX_TOKEN_LENGTH + 2) + 30;
    }
}
