package dev.bulwark.detect.injection;

/** Turns a text into a fixed-size, unit-length sentence embedding. Implementations are thread-safe. */
public interface SentenceEncoder {
    int dimension();

    float[] embed(String text);

    /** What the embeddings are (model, layers, word pieces read): two encoders that describe alike embed alike. */
    default String describe() {
        return getClass().getName();
    }

    /**
     * The quantized all-MiniLM-L6-v2 (384 dimensions), loaded once on first use and shared. Loading takes about
     * a second and some 25 MB of memory, so nothing loads it until a caller asks.
     */
    static SentenceEncoder miniLm() {
        return MiniLmEncoder.shared();
    }

    /** The same model cut to its first 4 layers over 32 word pieces, for {@link EncoderScreen}; loaded on first use. */
    static SentenceEncoder miniLmScreen() {
        return MiniLmEncoder.screen();
    }
}
