package dev.bulwark.supply.model.pickle;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.supply.model.ScanLimits;
import dev.bulwark.supply.model.numpy.NumpyReader;

/**
 * Jazzer targets for the pickle and numpy readers. Without {@code JAZZER_FUZZ=1} they replay the small seeds in
 * {@code PickleReaderFuzzTestInputs/<method>/}; with it they fuzz for the configured time. Any exception escaping the
 * reader, a hang or an out-of-memory is a crash: hostile bytes must end as issues, at worst "not verified".
 */
class PickleReaderFuzzTest {
    private static final ScanLimits LIMITS = new ScanLimits(5, 100, 1 << 20, 100, 1 << 20, 100_000, 1_000);

    @FuzzTest(maxDuration = "60s")
    void pickle(byte[] data) {
        if (data == null) return;
        PickleReader reader = new PickleReader();
        reader.recognizes(PickleScans.head(data));
        assertThat(PickleScans.read(reader, data, LIMITS)).hasSizeLessThanOrEqualTo(10_011);
    }

    @FuzzTest(maxDuration = "30s")
    void numpy(byte[] data) {
        if (data == null) return;
        assertThat(PickleScans.read(new NumpyReader(), data, LIMITS)).hasSizeLessThanOrEqualTo(10_011);
    }
}
