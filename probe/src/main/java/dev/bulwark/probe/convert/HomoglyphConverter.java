package dev.bulwark.probe.convert;

/**
 * Latin letters swapped for Cyrillic look-alikes (а е о р с х у і ѕ and capitals): the text looks the same on
 * screen, but a filter comparing code points sees other words.
 */
public record HomoglyphConverter() implements Converter {
    private static final String LATIN = "aeopcxyisABEKMHOPCTX";
    private static final String CYRILLIC = "аеорсхуіѕАВЕКМНОРСТХ";

    @Override
    public String id() {
        return "homoglyphs";
    }

    @Override
    public String convert(String text) {
        return Words.map(text, w -> Words.substitute(w, LATIN, CYRILLIC));
    }
}
