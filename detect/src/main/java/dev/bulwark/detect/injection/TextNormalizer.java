package dev.bulwark.detect.injection;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Layer (a): undoes disguises and records each one. Order matters: hidden characters go first (they split words
 * and defeat NFKC), then NFKC (full-width and mathematical letters become ASCII), lower case, look-alike and
 * leetspeak folding, spaced letters, and finally horizontal whitespace collapses to one space (line breaks stay:
 * delimiter forgeries live at line starts). Encoded segments are looked for in the NFKC text before lower-casing,
 * because base64 is case-sensitive. Every step is linear in the input.
 */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    public static NormalizedText normalize(String raw) {
        var obfuscations = EnumSet.noneOf(Obfuscation.class);
        HiddenText.Result hidden = HiddenText.strip(raw);
        if (hidden.hidden() > 0) obfuscations.add(Obfuscation.HIDDEN_CHARACTERS);
        String nfkc = Normalizer.normalize(hidden.visible(), Normalizer.Form.NFKC);

        var decoded = new ArrayList<NormalizedText.Decoded>();
        if (!hidden.tagText().isBlank()) {
            obfuscations.add(Obfuscation.TAG_CHARACTERS);
            decoded.add(new NormalizedText.Decoded(Obfuscation.TAG_CHARACTERS, hidden.tagText()));
        }
        decoded.addAll(EncodedSegments.decode(nfkc));

        String text = fold(nfkc, obfuscations);
        List<NormalizedText.Decoded> folded = new ArrayList<>(decoded.size());
        for (var segment : decoded) {
            obfuscations.add(segment.kind());
            String inner = Normalizer.normalize(HiddenText.strip(segment.text()).visible(), Normalizer.Form.NFKC);
            folded.add(new NormalizedText.Decoded(segment.kind(), fold(inner, obfuscations)));
        }
        return new NormalizedText(text, folded, obfuscations);
    }

    private static String fold(String nfkc, EnumSet<Obfuscation> obfuscations) {
        Confusables.Result confusables = Confusables.fold(nfkc.toLowerCase(Locale.ROOT));
        if (confusables.homoglyphs()) obfuscations.add(Obfuscation.HOMOGLYPHS);
        if (confusables.leet()) obfuscations.add(Obfuscation.LEETSPEAK);
        SpacedLetters.Result spaced = SpacedLetters.join(confusables.text());
        if (spaced.found()) obfuscations.add(Obfuscation.SPACED_LETTERS);
        return collapseSpaces(spaced.text());
    }

    private static String collapseSpaces(String text) {
        var out = new StringBuilder(text.length());
        boolean inSpace = false;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\r') c = '\n';
            boolean space = c != '\n' && Character.isWhitespace(c) || c == '\u00A0';
            if (space) {
                if (!inSpace) out.append(' ');
                inSpace = true;
            } else {
                out.append(c);
                inSpace = false;
            }
        }
        return out.toString();
    }
}
