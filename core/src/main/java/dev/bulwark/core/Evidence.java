package dev.bulwark.core;

import java.util.List;

/**
 * What was sent and seen. {@code request} and {@code response} are excerpts with secrets and PII already masked
 * (see {@link Masking}); {@code samples} keeps further masked excerpts when several attempts or locations share
 * one root cause; {@code reproduction} (optional) is the shortest masked transcript that reproduces the finding.
 */
public record Evidence(int attempts, int successes, String request, String response, List<String> samples,
                       String reproduction) {
    public Evidence {
        if (attempts < 0 || successes < 0 || successes > Math.max(attempts, successes)) {
            throw new IllegalArgumentException("bad evidence counts " + successes + "/" + attempts);
        }
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    /** Evidence without a reproduction transcript. */
    public Evidence(int attempts, int successes, String request, String response, List<String> samples) {
        this(attempts, successes, request, response, samples, null);
    }

    /**
     * The same evidence with {@code transcript} as its reproduction: the shortest exchange (fewest turns, then
     * fewest characters) that showed the weakness, masked like every excerpt; null when there is none.
     */
    public Evidence withReproduction(String transcript) {
        return new Evidence(attempts, successes, request, response, samples, transcript);
    }

    public static Evidence of(String request, String response) {
        return new Evidence(1, 1, request, response, List.of());
    }

    public static Evidence none() {
        return new Evidence(0, 0, null, null, List.of());
    }

    private static String shorter(String a, String b) {
        if (a == null) return b;
        if (b == null) return a;
        return b.length() < a.length() ? b : a;
    }

    /** Share of attempts that succeeded, 0 when nothing was attempted. */
    public double successRate() {
        return attempts == 0 ? 0.0 : (double) successes / attempts;
    }

    /** Evidence of two findings with the same root cause: counts add up, samples are kept (bounded). */
    public Evidence merge(Evidence other) {
        var merged = new java.util.ArrayList<>(samples);
        if (other.response != null) merged.add(other.response);
        merged.addAll(other.samples);
        return new Evidence(attempts + other.attempts, successes + other.successes,
                request != null ? request : other.request, response != null ? response : other.response,
                merged.size() > 20 ? merged.subList(0, 20) : merged, shorter(reproduction, other.reproduction));
    }
}
