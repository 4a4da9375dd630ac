package dev.bulwark.probe.convert;

/** A zero-width space (U+200B) between the letters of every plain word: invisible, but it breaks word matching. */
public record ZeroWidthConverter() implements Converter {
    private static final String ZWSP = "\u200B";

    @Override
    public String id() {
        return "zero-width";
    }

    @Override
    public String convert(String text) {
        return Words.map(text, w -> String.join(ZWSP, w.split("")));
    }
}
