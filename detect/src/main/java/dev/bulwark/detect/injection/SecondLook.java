package dev.bulwark.detect.injection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Where in a long text the sentence model takes a second look. The model reads only the start of a text (the screen
 * 32 word pieces, the full model 96), so ordinary padding in front of a jailbreak hid it from the model: our held-out
 * injections put behind a clean e-mail were caught at the rules' 0.690 instead of 0.984 (docs/accuracy.md, <i>Behind
 * padding</i>). The n-gram {@link Triage} costs microseconds on a short stretch, so it scores every stretch of
 * {@value #WORDS} words past the start ({@value #STEP} words apart; at most {@value #MAX_WINDOWS} of them, further
 * apart in longer texts), and the model reads from the one it finds most suspicious — if that one is suspicious
 * enough: its {@link #threshold()} ({@code second-look.json}) is the lowest triage probability among the train
 * side's padded injections that only the second look catches, so long ordinary texts, whose stretches all look
 * ordinary, rarely pay a second model run. Immutable and thread-safe.
 */
public final class SecondLook {
    public static final String SCHEMA = "bulwark/injection-second-look/v1";
    static final int WORDS = 24;
    static final int STEP = 12;
    static final int MAX_WINDOWS = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Triage triage;
    private final double threshold;
    private final JsonNode training;

    public SecondLook(Triage triage, double threshold, JsonNode training) {
        if (!(threshold >= 0 && threshold < 1)) throw new IllegalArgumentException("threshold must be in [0, 1)");
        this.triage = triage;
        this.threshold = threshold;
        this.training = training == null ? JSON.createObjectNode() : training.deepCopy();
    }

    /**
     * A stretch past the start of a text.
     *
     * @param window    the {@value #WORDS} words the triage scored: what the gates read
     * @param rest      from its first word to the end of the text: what the full model reads (as far as it reads)
     * @param suspicion the triage's probability for {@code window}
     */
    public record Stretch(String window, String rest, double suspicion) {
    }

    /** The most suspicious stretch after the start, whether or not it reaches the threshold; empty for short texts. */
    public Optional<Stretch> mostSuspicious(String text) {
        Words words = Words.of(text);
        int n = words.count();
        if (n <= WORDS) return Optional.empty();
        int step = Math.max(STEP, Math.ceilDiv(n - WORDS, MAX_WINDOWS));
        int best = -1;
        int bestLast = -1;
        double bestProbability = -1;
        for (int first = step; ; first += step) { // the first stretch is the start, which the model reads anyway
            int last = Math.min(first + WORDS, n) - 1;
            double p = triage.probability(text.substring(words.start(first), words.end(last)));
            if (p > bestProbability) {
                bestProbability = p;
                best = first;
                bestLast = last;
            }
            if (last == n - 1) break;
        }
        return Optional.of(new Stretch(text.substring(words.start(best), words.end(bestLast)),
                text.substring(words.start(best)), bestProbability));
    }

    /** The stretch the model should read too: the most suspicious one, if it reaches the threshold. */
    public Optional<Stretch> where(String text) {
        return mostSuspicious(text).filter(s -> s.suspicion() >= threshold);
    }

    public double threshold() {
        return threshold;
    }

    /** The same ranking with another threshold, and the record of how it was chosen (what training writes). */
    public SecondLook withThreshold(double other, JsonNode training) {
        return new SecondLook(triage, other, training);
    }

    /** The bundled threshold ({@code second-look.json} next to this class) over {@code triage}'s probabilities. */
    public static SecondLook bundled(Triage triage) {
        try (InputStream in = SecondLook.class.getResourceAsStream("second-look.json")) {
            if (in == null) throw new IOException("missing resource second-look.json (run bench/train-injection.sh)");
            JsonNode meta = JSON.readTree(in);
            if (!SCHEMA.equals(meta.path("schema").asText())) throw new IOException("not a " + SCHEMA + " document");
            return new SecondLook(triage, meta.path("threshold").asDouble(), meta.path("training"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled second-look threshold", e);
        }
    }

    /** {@code second-look.json}. */
    public String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("stretch", WORDS + " words, every " + STEP + " words past the start (at most " + MAX_WINDOWS
                + " stretches), ranked by the triage");
        root.put("threshold", threshold);
        root.set("training", training);
        return BundledJson.write(root);
    }

    /** Where the whitespace-separated words of a text start and end. */
    private record Words(int[] starts, int[] ends, int count) {
        static Words of(String text) {
            int[] starts = new int[text.length() / 2 + 1];
            int[] ends = new int[starts.length];
            int count = 0;
            int i = 0;
            while (i < text.length()) {
                while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
                if (i == text.length()) break;
                starts[count] = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))) i++;
                ends[count++] = i;
            }
            return new Words(starts, ends, count);
        }

        int start(int word) {
            return starts[word];
        }

        int end(int word) {
            return ends[word];
        }
    }
}
