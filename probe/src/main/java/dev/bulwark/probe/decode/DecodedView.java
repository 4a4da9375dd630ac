package dev.bulwark.probe.decode;

import java.util.Objects;

/**
 * One decoded reading of a reply.
 *
 * @param decoding  how it was decoded
 * @param text      the decoded text
 * @param source    the part of the reply it came from (the encoded segment, or the whole reply)
 * @param plausible whether the decoding reads as real text: always for segments that decoded to readable UTF-8
 *                  and for removed invisible characters; for rot13, reversal and leetspeak only when the result
 *                  holds clearly more common words than the reply as sent. A known random canary may be looked
 *                  for in every view; open-ended detectors (PII, secrets, regexes, heuristics) only in plausible
 *                  ones, because a rot13 of ordinary text is still e-mail- and name-shaped.
 */
public record DecodedView(Decoding decoding, String text, String source, boolean plausible) {
    public DecodedView {
        Objects.requireNonNull(decoding, "decoding");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }

    /** Whether the view decodes one part of the reply rather than all of it. */
    public boolean segment() {
        return decoding == Decoding.BASE64 || decoding == Decoding.HEX || decoding == Decoding.TAG_CHARACTERS;
    }
}
