package dev.bulwark.detect.injection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Layer (c)'s logistic-regression head over sentence embeddings: {@code p = sigmoid(w·x + b)}, and the threshold
 * on {@code p} chosen at training time for a false-positive rate of at most 5 % (see {@code head.json}'s
 * {@code training} block for the data, the split and how the threshold was picked). Short texts get their own,
 * usually higher, threshold: a one-line benign request that merely says "ignore" or "developer mode" sits close
 * to short attacks in embedding space, and one threshold for all lengths was set by the many long jailbreaks.
 * Immutable.
 *
 * @param weights        one weight per embedding dimension
 * @param bias           the intercept
 * @param threshold      probability at or above which the classifier alone calls a text an injection
 * @param shortChars     classifier inputs shorter than this many characters use {@code shortThreshold}; 0: none
 * @param shortThreshold the threshold for short inputs
 * @param training       the data manifest and split description, carried along for provenance
 */
public record ClassifierHead(double[] weights, double bias, double threshold, int shortChars, double shortThreshold,
        JsonNode training) {
    public static final String SCHEMA = "bulwark/injection-head/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    public ClassifierHead {
        weights = weights.clone();
        if (!(threshold > 0 && threshold < 1)) throw new IllegalArgumentException("threshold must be in (0, 1)");
        if (!(shortThreshold > 0 && shortThreshold < 1)) {
            throw new IllegalArgumentException("shortThreshold must be in (0, 1)");
        }
        if (shortChars < 0) throw new IllegalArgumentException("shortChars must be >= 0");
        training = training == null ? JSON.createObjectNode() : training.deepCopy();
    }

    /** One threshold for every length. */
    public ClassifierHead(double[] weights, double bias, double threshold, JsonNode training) {
        this(weights, bias, threshold, 0, threshold, training);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** The probability that the embedded text is an injection. */
    public double probability(float[] embedding) {
        return sigmoid(logit(embedding));
    }

    /**
     * The probability re-centred on the threshold: {@code sigmoid(logit(p) − logit(threshold))}, so 0.5 means
     * "exactly at the threshold" and the value can be combined with the rule score on the same scale.
     */
    public double calibrated(float[] embedding) {
        return sigmoid(logit(embedding) - Math.log(threshold / (1 - threshold)));
    }

    /** As {@link #calibrated(float[])}, re-centred on the short-text threshold when the input is short. */
    public double calibrated(float[] embedding, int inputChars) {
        double t = thresholdFor(inputChars);
        return sigmoid(logit(embedding) - Math.log(t / (1 - t)));
    }

    /** The threshold that applies to a classifier input of this many characters. */
    public double thresholdFor(int inputChars) {
        return inputChars < shortChars ? shortThreshold : threshold;
    }

    private double logit(float[] embedding) {
        if (embedding.length != weights.length) {
            throw new IllegalArgumentException("embedding has " + embedding.length + " dimensions, head expects "
                    + weights.length);
        }
        double z = bias;
        for (int d = 0; d < weights.length; d++) z += weights[d] * embedding[d];
        return z;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** The head bundled with Bulwark ({@code head.json} next to this class). */
    public static ClassifierHead standard() {
        return bundled("head.json");
    }

    /** A head shipped next to this class ({@code head.json}, or the screen's {@code screen.json}). */
    static ClassifierHead bundled(String resource) {
        try (InputStream in = ClassifierHead.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource + " (run bench/train-injection.sh)");
            return fromJson(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public static ClassifierHead fromJson(JsonNode node) {
        if (!SCHEMA.equals(node.path("schema").asText())) {
            throw new IllegalArgumentException("not a " + SCHEMA + " document");
        }
        JsonNode w = node.path("weights");
        double[] weights = new double[w.size()];
        for (int d = 0; d < weights.length; d++) weights[d] = w.get(d).asDouble();
        double threshold = node.path("threshold").asDouble();
        return new ClassifierHead(weights, node.path("bias").asDouble(), threshold, node.path("shortChars").asInt(0),
                node.path("shortThreshold").asDouble(threshold), node.path("training"));
    }

    /** As read by {@link #fromJson}, for a head over the full encoder's embeddings. */
    public ObjectNode toJson() {
        return toJson(MiniLmEncoder.FULL);
    }

    /** For a head over the screen's cut encoder ({@link EncoderScreen}). */
    public ObjectNode toScreenJson() {
        return toJson(MiniLmEncoder.SCREEN);
    }

    private ObjectNode toJson(MiniLmEncoder.Variant encoder) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("encoder", MiniLmEncoder.describe(encoder));
        root.put("dimension", weights.length);
        root.put("bias", bias);
        root.put("threshold", threshold);
        root.put("shortChars", shortChars);
        root.put("shortThreshold", shortThreshold);
        var array = root.putArray("weights");
        for (double weight : weights) array.add(weight);
        root.set("training", training);
        return root;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassifierHead h && Arrays.equals(weights, h.weights) && bias == h.bias
                && threshold == h.threshold && shortChars == h.shortChars && shortThreshold == h.shortThreshold;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights) * 31 + Double.hashCode(bias);
    }

    @Override
    public String toString() {
        return "ClassifierHead[" + weights.length + " weights, threshold " + threshold + ", " + shortThreshold
                + " below " + shortChars + " chars]";
    }
}
