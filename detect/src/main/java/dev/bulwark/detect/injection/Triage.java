package dev.bulwark.detect.injection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decides whether a text needs the sentence model at all. The model costs milliseconds of CPU per text; a logistic
 * regression over hashed word and character n-grams ({@link NgramFeatures}) costs tens of microseconds and, trained
 * on the same split, puts most benign texts far below every injection. Texts under {@link #threshold()} skip the
 * model and are judged by the rules alone; the threshold is the out-of-fold triage probability that still sends at
 * least 99.9 % of the train side's injections whose verdict the model decides to it (see {@link ModelGate},
 * {@code triage.json}'s {@code training} block, and docs/accuracy.md for what it skips on the held-out side).
 * Immutable and thread-safe.
 *
 * <p>Weights ship as {@code triage.f16}: {@value NgramFeatures#DIMENSION} IEEE half-precision floats, little-endian
 * (512 KB; the rounding moves a probability by well under the threshold's margin).
 */
public final class Triage implements ModelGate {
    public static final String SCHEMA = "bulwark/injection-triage/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final float[] weights;
    private final double bias;
    private final double threshold;
    private final JsonNode training;

    public Triage(float[] weights, double bias, double threshold, JsonNode training) {
        if (weights.length != NgramFeatures.DIMENSION) {
            throw new IllegalArgumentException("triage needs " + NgramFeatures.DIMENSION + " weights, got " + weights.length);
        }
        if (!(threshold >= 0 && threshold < 1)) throw new IllegalArgumentException("threshold must be in [0, 1)");
        this.weights = weights.clone();
        this.bias = bias;
        this.threshold = threshold;
        this.training = training == null ? JSON.createObjectNode() : training.deepCopy();
    }

    /** The probability that the classifier input is an injection, by the n-gram model. */
    public double probability(String classifierInput) {
        int[] features = NgramFeatures.of(classifierInput);
        double value = NgramFeatures.value(features);
        double z = bias;
        for (int k : features) z += weights[k] * value;
        return 1 / (1 + Math.exp(-z));
    }

    @Override
    public boolean modelNeeded(String classifierInput) {
        return probability(classifierInput) >= threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** The triage bundled with Bulwark ({@code triage.json} and {@code triage.f16} next to this class). */
    public static Triage standard() {
        try (InputStream meta = resource("triage.json"); InputStream bin = resource("triage.f16")) {
            return read(JSON.readTree(meta), bin.readNBytes(NgramFeatures.DIMENSION * 2 + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled injection triage", e);
        }
    }

    static Triage read(JsonNode meta, byte[] halfFloats) {
        if (!SCHEMA.equals(meta.path("schema").asText())) throw new IllegalArgumentException("not a " + SCHEMA + " document");
        if (meta.path("dimension").asInt() != NgramFeatures.DIMENSION || halfFloats.length != NgramFeatures.DIMENSION * 2) {
            throw new IllegalArgumentException("triage weights do not match " + NgramFeatures.DIMENSION + " features");
        }
        var buffer = ByteBuffer.wrap(halfFloats).order(ByteOrder.LITTLE_ENDIAN);
        float[] weights = new float[NgramFeatures.DIMENSION];
        for (int k = 0; k < weights.length; k++) weights[k] = Float.float16ToFloat(buffer.getShort());
        return new Triage(weights, meta.path("bias").asDouble(), meta.path("threshold").asDouble(), meta.path("training"));
    }

    /** {@code triage.json}: everything but the weights. */
    public String metadataJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("features", "hashed word unigrams, word bigrams and character 4-grams of the lower-cased classifier "
                + "input, " + NgramFeatures.DIMENSION + " buckets, value 1/sqrt(features present)");
        root.put("dimension", NgramFeatures.DIMENSION);
        root.put("bias", bias);
        root.put("threshold", threshold);
        root.set("training", training);
        return BundledJson.write(root);
    }

    /** {@code triage.f16}: the weights as little-endian half floats. */
    public byte[] weightBytes() {
        var buffer = ByteBuffer.allocate(weights.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float w : weights) buffer.putShort(Float.floatToFloat16(w));
        return buffer.array();
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Triage.class.getResourceAsStream(name);
        if (in == null) throw new IOException("missing resource " + name + " (run bench/train-injection.sh)");
        return in;
    }
}
