package dev.bulwark.supply.model.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.supply.model.FormatReader;
import dev.bulwark.supply.model.ScanLimits;
import java.io.IOException;

/**
 * Jazzer targets for the readers that parse hostile structure. Without {@code JAZZER_FUZZ=1} they replay the seeds in
 * {@code FormatReadersFuzzTestInputs/<method>/} as ordinary tests; with it, they fuzz for the configured time. A crash
 * is any exception escaping a reader (bad bytes must become a not-verified issue), a hang or an out-of-memory.
 */
class FormatReadersFuzzTest {
    private static final ScanLimits LIMITS = new ScanLimits(5, 100, 1 << 20, 100, 1 << 20, 100_000, 1_000);

    @FuzzTest(maxDuration = "30s")
    void safetensors(byte[] data) throws IOException {
        fuzz(new SafetensorsReader(), data);
    }

    @FuzzTest(maxDuration = "30s")
    void gguf(byte[] data) throws IOException {
        fuzz(new GgufReader(), data);
    }

    @FuzzTest(maxDuration = "30s")
    void onnx(byte[] data) throws IOException {
        fuzz(new OnnxReader(), data);
    }

    @FuzzTest(maxDuration = "30s")
    void savedModel(byte[] data) throws IOException {
        fuzz(new SavedModelReader(), data);
    }

    @FuzzTest(maxDuration = "30s")
    void kerasConfig(byte[] data) throws IOException {
        fuzz(new KerasConfigReader(), data);
    }

    @FuzzTest(maxDuration = "30s")
    void hdf5(byte[] data) throws IOException {
        fuzz(new Hdf5Reader(), data);
    }

    private static void fuzz(FormatReader reader, byte[] data) throws IOException {
        if (data == null) return;
        // Scanned whether or not it is recognised: the scanner may hand a reader anything that starts right.
        assertThat(Scans.scan(reader, Scans.input(data, data.length), LIMITS)).hasSizeLessThan(1000);
    }
}
