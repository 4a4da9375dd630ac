package dev.bulwark.detect.scope;

import dev.bulwark.detect.injection.SentenceEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What an assistant is for, given as example requests, and whether a text is among it: in scope when its sentence
 * embedding comes within {@code threshold} cosine similarity of an example's. Built-in conversational examples
 * (greetings, thanks, "yes please", "what can you help me with?") are always in scope, so a chat keeps working
 * between questions. A text is judged by its start (the encoder reads 96 word pieces). The examples are embedded on
 * the first match, not when built (loading the model takes a second). Thread-safe.
 */
public final class TopicScope {
    /**
     * Chosen on a shop's 22 examples (docs/accuracy.md, <i>Topic rail</i>): 0.35 lets through 29 of 30 customer
     * messages written apart from the examples and stops every one of 40 general-assistant tasks; higher, ordinary
     * questions phrased unlike any example start to fail (22 of 30 at 0.40).
     */
    public static final double DEFAULT_THRESHOLD = 0.35;
    /** Longest example accepted: an example is a request, not a document. */
    public static final int MAX_EXAMPLE_CHARS = 500;
    /** The most examples a scope takes (each costs one embedding at start and a dot product per request). */
    public static final int MAX_EXAMPLES = 2_000;
    /** The encoder never reads more than this of a text anyway. */
    private static final int MAX_TEXT_CHARS = 2_000;

    private final Supplier<SentenceEncoder> encoder;
    private final List<String> examples;
    private final double threshold;
    private volatile float[][] embedded;

    /**
     * @param examples  requests the assistant is for, in the owner's words; the built-in conversational ones are added
     * @param threshold similarity to the nearest example at or above which a text is in scope
     */
    public TopicScope(Supplier<SentenceEncoder> encoder, List<String> examples, double threshold) {
        if (examples.isEmpty()) throw new IllegalArgumentException("a topic scope needs at least one example");
        if (examples.size() > MAX_EXAMPLES) {
            throw new IllegalArgumentException("at most " + MAX_EXAMPLES + " examples, not " + examples.size());
        }
        for (String example : examples) {
            if (example.isBlank() || example.length() > MAX_EXAMPLE_CHARS) {
                throw new IllegalArgumentException("an example must be 1 to " + MAX_EXAMPLE_CHARS + " characters: "
                        + abbreviate(example));
            }
        }
        if (!(threshold > -1 && threshold < 1)) throw new IllegalArgumentException("threshold must be within (-1, 1)");
        this.encoder = encoder;
        var all = new ArrayList<>(examples.stream().map(String::strip).toList());
        all.addAll(Conversation.EXAMPLES);
        this.examples = List.copyOf(all);
        this.threshold = threshold;
    }

    /** The owner's examples, on all-MiniLM-L6-v2. */
    public static TopicScope of(List<String> examples, double threshold) {
        return new TopicScope(SentenceEncoder::miniLm, examples, threshold);
    }

    /** How close {@code text} comes to the nearest example. */
    public ScopeMatch match(String text) {
        String read = text.strip();
        if (read.length() > MAX_TEXT_CHARS) read = read.substring(0, MAX_TEXT_CHARS);
        return match(encoder.get().embed(read));
    }

    /** How close a text already embedded by this scope's encoder comes (evaluations embed each text once). */
    public ScopeMatch match(float[] vector) {
        float[][] known = embeddings();
        double best = -1;
        int nearest = 0;
        for (int i = 0; i < known.length; i++) {
            double similarity = dot(vector, known[i]);
            if (similarity > best) {
                best = similarity;
                nearest = i;
            }
        }
        return new ScopeMatch(best, examples.get(nearest), best >= threshold);
    }

    public double threshold() {
        return threshold;
    }

    /** Every example compared with, the built-in conversational ones last. */
    public List<String> examples() {
        return examples;
    }

    private float[][] embeddings() {
        float[][] done = embedded;
        if (done != null) return done;
        synchronized (this) {
            if (embedded == null) {
                SentenceEncoder model = encoder.get();
                float[][] vectors = new float[examples.size()][];
                for (int i = 0; i < vectors.length; i++) vectors[i] = model.embed(examples.get(i));
                embedded = vectors;
            }
            return embedded;
        }
    }

    /** Both vectors are unit length (the encoder's contract), so the dot product is the cosine. */
    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? "\"" + text + "\"" : "\"" + text.substring(0, 40) + "…\" (" + text.length() + " characters)";
    }

    /** The built-in conversational examples ({@code conversation.txt} next to this class). */
    static final class Conversation {
        static final List<String> EXAMPLES = load();

        private Conversation() {
        }

        private static List<String> load() {
            try (InputStream in = TopicScope.class.getResourceAsStream("conversation.txt")) {
                if (in == null) throw new IllegalStateException("missing resource conversation.txt");
                String text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
