package dev.bulwark.supply.deps.trust;

/**
 * A name that imitates a popular package.
 *
 * @param popular   the popular name imitated (normalised)
 * @param technique how: {@link Technique}
 * @param distance  Damerau-Levenshtein distance between the normalised names (0 for separator / look-alike tricks)
 */
public record Lookalike(String popular, Technique technique, int distance) {
    public enum Technique {
        /** One or two typed characters off: added, dropped, changed or swapped. */
        EDIT_DISTANCE("a typo of"),
        /** The same letters with separators (- _ .) dropped or moved. */
        SEPARATOR("the separators changed in"),
        /** Characters that look alike: rn/m, vv/w, cl/d, 0/o, 1/l, i/l, 3/e, 5/s. */
        HOMOGLYPH("look-alike characters for"),
        /** The real name with a prefix or suffix people expect: python-, py, -py, -python, 2, 3. */
        AFFIX("a prefixed or suffixed copy of"),
        /** The same package name under a look-alike npm scope. */
        SCOPE("a look-alike scope of");

        private final String phrase;

        Technique(String phrase) {
            this.phrase = phrase;
        }

        /** Words for a sentence: "… looks like {phrase} torch". */
        public String phrase() {
            return phrase;
        }
    }

    /** Edit-distance 1 and look-alike characters are the strongest signals; the rest are weaker. */
    public boolean strong() {
        return technique == Technique.HOMOGLYPH || (technique == Technique.EDIT_DISTANCE && distance == 1);
    }
}
