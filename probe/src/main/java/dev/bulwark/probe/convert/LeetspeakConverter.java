package dev.bulwark.probe.convert;

/** Leetspeak (a→4, e→3, i→1, o→0, s→5, t→7) on plain words: readable by people and models, not by word lists. */
public record LeetspeakConverter() implements Converter {
    @Override
    public String id() {
        return "leetspeak";
    }

    @Override
    public String convert(String text) {
        return Words.map(text, w -> Words.substitute(w, "aeiostAEIOST", "431057431057"));
    }
}
