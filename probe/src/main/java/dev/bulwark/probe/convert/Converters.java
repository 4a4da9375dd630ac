package dev.bulwark.probe.convert;

import java.util.List;
import java.util.stream.Stream;

/** The converters Bulwark ships, in a fixed order (attempt labels and request counts depend on it). */
public final class Converters {
    /** Disguises that work on any text. */
    public static final List<Converter> TEXT = List.of(new Base64Converter(), new HexConverter(),
            new Rot13Converter(), new LeetspeakConverter(), new HomoglyphConverter(), new TagSmugglingConverter(),
            new ZeroWidthConverter(), new PaddingConverter());

    /** Pre-translated payloads: only {@link PhraseBook} sentences. */
    public static final List<Converter> TRANSLATIONS = PhraseBook.LANGUAGES.stream()
            .<Converter>map(Translation::new).toList();

    /** Every converter: the text disguises, then the translations. */
    public static final List<Converter> ALL = Stream.concat(TEXT.stream(), TRANSLATIONS.stream()).toList();

    private Converters() {
    }
}
