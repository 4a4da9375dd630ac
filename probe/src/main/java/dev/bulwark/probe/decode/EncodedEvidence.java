package dev.bulwark.probe.decode;

import dev.bulwark.detect.Redactor;

/**
 * Keeps encoded personal data and secrets out of reports. The redactor masks what it can read; a value written in
 * base64 or rot13 passes it untouched. So before evidence is masked, each plausible decoded view that holds
 * something the redactor would mask replaces what it came from: an encoded segment by its decoded, masked text; a
 * reply that is rot13, reversed or leetspeak as a whole by its decoded, masked reading.
 */
public final class EncodedEvidence {
    private EncodedEvidence() {
    }

    /** {@code text} with every encoded part that hides personal data or secrets replaced by its masked decoding. */
    public static String withheld(String text) {
        if (text == null) return null;
        String out = text;
        for (DecodedView view : ReplyDecoder.views(text)) {
            if (!view.plausible() || view.decoding() == Decoding.INVISIBLE) continue;
            Redactor redactor = Redactor.standard();
            // A rot13 of an address is address-shaped too: only what decoding newly exposes is withheld.
            if (redactor.find(view.text()).size() <= redactor.find(view.source()).size()) continue;
            String masked = "[" + view.decoding().label() + ", decoded and masked: " + redactor.mask(view.text()) + "]";
            String replaced = view.segment() ? out.replace(view.source(), masked) : out;
            // A whole-text encoding, or a segment that cannot be cut out as one piece: show only the masked reading.
            if (replaced.equals(out)) return masked;
            out = replaced;
        }
        return out;
    }
}
