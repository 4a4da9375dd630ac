package dev.bulwark.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was sent and seen. {@code request} and {@code response} are excerpts with secrets and PII already masked
 * (see {@link Masking}); {@code samples} keeps further masked excerpts when several attempts or locations share
 * one root cause; {@code reproduction} (optional) is the shortest masked transcript that reproduces the finding.
 * {@code details} holds named measurements a report shows beside them (e.g. a dataset's {@code k} of k-anonymity,
 * its {@code classification}): values are JSON-shaped (text, numbers, booleans, lists and maps of them), already
 * masked like every excerpt, and written into the evidence object of {@code findings.json} by name.
 */
public record Evidence(int attempts, int successes, String request, String response, List<String> samples,
                       String reproduction, Map<String, Object> details) {
    /** Names the findings.json evidence object already uses; a detail may not shadow them. */
    private static final List<String> RESERVED = List.of("attempts", "successes", "request", "response", "samples",
            "reproduction");

    public Evidence {
        if (attempts < 0 || successes < 0 || successes > Math.max(attempts, successes)) {
            throw new IllegalArgumentException("bad evidence counts " + successes + "/" + attempts);
        }
        samples = samples == null ? List.of() : List.copyOf(samples);
        details = details == null ? Map.of() : checkedDetails(details);
    }

    /** Evidence without details. */
    public Evidence(int attempts, int successes, String request, String response, List<String> samples,
                    String reproduction) {
        this(attempts, successes, request, response, samples, reproduction, Map.of());
    }

    /** Evidence without a reproduction transcript or details. */
    public Evidence(int attempts, int successes, String request, String response, List<String> samples) {
        this(attempts, successes, request, response, samples, null, Map.of());
    }

    /**
     * The same evidence with {@code transcript} as its reproduction: the shortest exchange (fewest turns, then
     * fewest characters) that showed the weakness, masked like every excerpt; null when there is none.
     */
    public Evidence withReproduction(String transcript) {
        return new Evidence(attempts, successes, request, response, samples, transcript, details);
    }

    /** The same evidence with these named measurements (replacing any it had). */
    public Evidence withDetails(Map<String, Object> newDetails) {
        return new Evidence(attempts, successes, request, response, samples, reproduction, newDetails);
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

    /**
     * Evidence of two findings with the same root cause: counts add up, samples are kept (bounded), details of this
     * one win over the other's.
     */
    public Evidence merge(Evidence other) {
        var merged = new java.util.ArrayList<>(samples);
        if (other.response != null) merged.add(other.response);
        merged.addAll(other.samples);
        var mergedDetails = new LinkedHashMap<>(other.details);
        mergedDetails.putAll(details);
        return new Evidence(attempts + other.attempts, successes + other.successes,
                request != null ? request : other.request, response != null ? response : other.response,
                merged.size() > 20 ? merged.subList(0, 20) : merged, shorter(reproduction, other.reproduction),
                mergedDetails);
    }

    private static Map<String, Object> checkedDetails(Map<String, Object> details) {
        var copy = new LinkedHashMap<String, Object>();
        details.forEach((name, value) -> {
            if (name == null || name.isBlank() || RESERVED.contains(name)) {
                throw new IllegalArgumentException("bad evidence detail name: " + name);
            }
            copy.put(name, jsonShaped(name, value, 0));
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static Object jsonShaped(String name, Object value, int depth) {
        if (depth > 8) throw new IllegalArgumentException("evidence detail " + name + " nested too deep");
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) return value;
        if (value instanceof List<?> list) {
            return list.stream().map(v -> jsonShaped(name, v, depth + 1)).collect(
                    java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(),
                            java.util.Collections::unmodifiableList));
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), jsonShaped(name, v, depth + 1)));
            return java.util.Collections.unmodifiableMap(copy);
        }
        throw new IllegalArgumentException("evidence detail " + name + " is not JSON-shaped: "
                + value.getClass().getSimpleName());
    }
}
