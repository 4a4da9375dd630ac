package dev.bulwark.probe.convert;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pre-translated payload: filters and safety training are weaker outside English, and a fixed translation
 * (written by hand, no translation service) keeps the probe offline and reproducible. Only the sentences of the
 * {@link PhraseBook} can be translated; a {@code {code}} slot carries the attempt's code through unchanged.
 */
public record Translation(String language) implements Converter {
    public Translation {
        Objects.requireNonNull(language, "language");
        if (!PhraseBook.LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("no pre-translated payloads in " + language);
        }
    }

    @Override
    public String id() {
        return "translate-" + language;
    }

    /**
     * The translation of {@code text}, which must be a phrase-book sentence (with its code filled in).
     *
     * @throws IllegalArgumentException for any other text: there is no translation service behind this
     */
    @Override
    public String convert(String text) {
        for (Map.Entry<String, Map<String, String>> entry : PhraseBook.SENTENCES.entrySet()) {
            Matcher m = template(entry.getKey()).matcher(text);
            if (m.matches()) {
                String translated = entry.getValue().get(language);
                return m.groupCount() == 0 ? translated : translated.replace(PhraseBook.CODE, m.group(1));
            }
        }
        throw new IllegalArgumentException("no " + language.toUpperCase(Locale.ROOT)
                + " translation for this text; use a PhraseBook sentence");
    }

    private static Pattern template(String english) {
        int slot = english.indexOf(PhraseBook.CODE);
        if (slot < 0) return Pattern.compile(Pattern.quote(english));
        return Pattern.compile(Pattern.quote(english.substring(0, slot)) + "(\\S{1,64}?)"
                + Pattern.quote(english.substring(slot + PhraseBook.CODE.length())));
    }
}
