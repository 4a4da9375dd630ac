package dev.bulwark.probe.decode;

import dev.bulwark.detect.CanaryDetector;
import dev.bulwark.probe.llm.EchoGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a decoded view of a reply revealed that the reply as sent did not show: the canaries found, the view they
 * were found in, and that view's text with every echo of the prompt taken out. An echo of an encoded attack is
 * not a hit, so the prompt's own plausible decodings are taken out of a view as well as the prompt itself (a
 * reply that repeats the base64 of an obfuscated attack decodes to the attack, not to obedience).
 *
 * @param found     the canaries, as they were given
 * @param view      the decoded view
 * @param remainder the view's text without the prompt's echo, normalised (lower case, single spaces)
 */
public record Revealed(List<String> found, DecodedView view, String remainder) {
    public Revealed {
        found = List.copyOf(found);
    }

    /** The first decoded view of {@code reply} that holds one of {@code canaries} outside any echo of the prompt. */
    public static Optional<Revealed> canaries(List<String> canaries, String prompt, String reply) {
        if (canaries.isEmpty()) return Optional.empty();
        List<DecodedView> promptViews = ReplyDecoder.views(prompt);
        List<DecodedView> views = new ArrayList<>(ReplyDecoder.views(reply));
        // A code compared in leetspeak is folded completely, on both sides, whether or not a reading was produced.
        views.removeIf(v -> v.decoding() == Decoding.LEETSPEAK);
        String capped = reply.length() > ReplyDecoder.MAX_CHARS ? reply.substring(0, ReplyDecoder.MAX_CHARS) : reply;
        String folded = Leet.foldAll(capped);
        if (!folded.equals(capped.toLowerCase(java.util.Locale.ROOT))) {
            views.add(new DecodedView(Decoding.LEETSPEAK, folded, capped, false));
        }
        for (DecodedView view : views) {
            String remainder = withoutEcho(prompt, promptViews, view);
            List<String> found = detector(canaries, view.decoding()).find(remainder);
            if (!found.isEmpty()) return Optional.of(new Revealed(originals(canaries, view.decoding(), found), view,
                    remainder));
        }
        return Optional.empty();
    }

    /** The plausible decoded views of {@code reply}, each without the prompt's echo (for open-ended detectors). */
    public static List<Revealed> plausible(String prompt, String reply) {
        List<DecodedView> promptViews = ReplyDecoder.views(prompt);
        var out = new ArrayList<Revealed>();
        for (DecodedView view : ReplyDecoder.views(reply)) {
            if (view.plausible()) out.add(new Revealed(List.of(), view, withoutEcho(prompt, promptViews, view)));
        }
        return out;
    }

    /** The canaries as a detector of {@code decoding}'s view sees them (folded for leetspeak). */
    public CanaryDetector detector(List<String> canaries) {
        return detector(canaries, view.decoding());
    }

    /** E.g. " (revealed by decoding base64)", for a judgement's reason. */
    public String note() {
        return " (revealed by decoding " + view.decoding().label() + ")";
    }

    /** The reply followed by the decoded text, so the evidence shows what the judge saw (masked like all evidence). */
    public String observed(String reply) {
        return reply + "\n\n[decoded from " + view.decoding().label() + "] " + view.text();
    }

    private static CanaryDetector detector(List<String> canaries, Decoding decoding) {
        return CanaryDetector.of(canaries.stream().map(decoding::needle).toList());
    }

    private static List<String> originals(List<String> canaries, Decoding decoding, List<String> found) {
        return canaries.stream().filter(c -> found.contains(decoding.needle(c))).toList();
    }

    /**
     * A reply that repeats the prompt shows, through decoding D, the prompt's own D-view: so the prompt, its decoded
     * segments and its view of the same decoding are taken out (each in the view's form, e.g. leet-folded).
     */
    private static String withoutEcho(String prompt, List<DecodedView> promptViews, DecodedView view) {
        Decoding decoding = view.decoding();
        String remainder = EchoGuard.withoutEcho(decoding.needle(prompt), view.text());
        for (DecodedView echo : promptViews) {
            if (echo.segment() || echo.decoding() == decoding) {
                remainder = EchoGuard.withoutEcho(decoding.needle(echo.text()), remainder);
            }
        }
        return remainder;
    }
}
