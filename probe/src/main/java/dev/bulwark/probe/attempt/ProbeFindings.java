package dev.bulwark.probe.attempt;

import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.Evidence;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Location;
import dev.bulwark.core.Masking;
import dev.bulwark.core.http.HttpCall;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.detect.Redactor;
import dev.bulwark.probe.Credentials;
import dev.bulwark.probe.decode.EncodedEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds findings the same way for every probe: target, assets and URL from the target, evidence masked
 * (secrets and PII through the {@link Redactor}, credentials dropped, excerpts cut) so no reply reaches a report
 * unmasked.
 */
public final class ProbeFindings {
    static final int REQUEST_EXCERPT = 1_500;
    static final int RESPONSE_EXCERPT = 1_500;
    static final int SAMPLE_EXCERPT = 400;
    static final int MAX_SAMPLES = 4;

    private ProbeFindings() {
    }

    /** A finding of {@code check} on {@code target}: id, class, target, assets and location filled in. */
    public static Finding.Builder on(CheckDescriptor check, PromptTarget target) {
        return Finding.builder(check.id(), check.weakness())
                .target(target.id())
                .assets(target.assets())
                .location(Location.ofUrl(target.url().toString()));
    }

    /**
     * Evidence of a run: judged attempts and hits as the counts, the first hit's request and observed text as
     * the excerpt, further hits as samples.
     */
    public static Evidence evidence(AttemptLog<?> log, PromptTarget target) {
        List<? extends AttemptRecord<?>> hits = log.hits();
        if (hits.isEmpty()) return new Evidence(log.tally().decided(), 0, null, null, List.of());
        AttemptRecord<?> first = hits.get(0);
        var samples = new ArrayList<String>();
        for (AttemptRecord<?> hit : hits.subList(1, Math.min(hits.size(), MAX_SAMPLES + 1))) {
            samples.add(hit.attempt().label() + ": " + mask(hit.judgement().observed(), SAMPLE_EXCERPT));
        }
        return new Evidence(log.tally().decided(), log.tally().hits(), request(first.attempt().call(), target),
                mask(first.judgement().observed(), RESPONSE_EXCERPT), samples)
                .withReproduction(Reproduction.shortest(hits, target));
    }

    /** A request as text, credential headers masked, body masked and cut. */
    public static String request(HttpCall call, PromptTarget target) {
        var text = new StringBuilder(call.method()).append(' ').append(call.uri()).append('\n');
        for (Map.Entry<String, List<String>> header : call.headers().entrySet()) {
            boolean secret = isCredential(header.getKey(), target);
            for (String value : header.getValue()) {
                text.append(header.getKey()).append(": ").append(secret ? Masking.mask(value) : value).append('\n');
            }
        }
        if (call.body().length > 0) text.append('\n').append(call.bodyText());
        return mask(text.toString(), REQUEST_EXCERPT);
    }

    /**
     * Secrets and PII masked — also those written in base64, hex, rot13 and the like ({@link EncodedEvidence}) —
     * then cut to {@code max} characters; redaction work is bounded by a larger cut first.
     */
    public static String mask(String raw, int max) {
        if (raw == null) return null;
        String text = EncodedEvidence.withheld(raw);
        String head = text.length() > 4 * max ? text.substring(0, 4 * max) : text;
        String masked = Redactor.standard().mask(head);
        if (head.length() == text.length()) return Masking.excerpt(masked, max);
        return masked.substring(0, Math.min(max, masked.length())) + "… [" + text.length() + " characters in all]";
    }

    private static boolean isCredential(String header, PromptTarget target) {
        return Credentials.isCredentialHeader(header, target);
    }
}
