package dev.bulwark.detect.injection;

import java.util.List;
import java.util.Set;

/**
 * What layer (a) produced: the folded text (lower case, hidden characters gone, look-alikes and leetspeak folded,
 * spaced letters joined), the segments it decoded (each normalised the same way, one level deep) and the
 * disguises it undid.
 *
 * @param text        the folded text the rules and the classifier read
 * @param decoded     decoded hidden-tag, base64, hex and rot13 segments
 * @param obfuscations the disguises found, in the order of {@link Obfuscation}
 */
public record NormalizedText(String text, List<Decoded> decoded, Set<Obfuscation> obfuscations) {
    public NormalizedText {
        decoded = List.copyOf(decoded);
        obfuscations = Set.copyOf(obfuscations);
    }

    /** A decoded segment and the encoding it was hidden in. */
    public record Decoded(Obfuscation kind, String text) {
    }
}
