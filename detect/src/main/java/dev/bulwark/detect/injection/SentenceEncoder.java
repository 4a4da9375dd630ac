package dev.bulwark.detect.injection;

/** Turns a text into a fixed-size, unit-length sentence embedding. Implementations are thread-safe. */
public interface SentenceEncoder {
    int dimension();

    float[] embed(String text);

    /**
     * The quantized all-MiniLM-L6-v2 (384 dimensions), loaded once on first use and shared. Loading takes about
     * a second and some 25 MB of memory, so nothing loads it until a caller asks.
     */
    static SentenceEncoder miniLm() {
        return MiniLmEncoder.shared();
    }
}
