package dev.bulwark.supply.model.pickle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.FormatReader;
import dev.bulwark.supply.model.Head;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ScanLimits;
import dev.bulwark.supply.model.numpy.NumpyReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The raw-pickle and .npy samples of picklescan's test suite (the corpus under model/corpus/, see its README.md;
 * its archives are the container readers' business, {@code CorpusTest}), read as bytes only: every malicious one
 * must get a high or critical issue, no benign one anything at medium or above, and broken ones must be refused
 * (not recognised) or reported as not verified.
 */
class PicklescanSamplesTest {
    static final String ROOT = "/dev/bulwark/supply/model/corpus/";
    private static final List<FormatReader> READERS = List.of(new NumpyReader(), new PickleReader());

    record Sample(String file, String label, String note) {
        @Override
        public String toString() {
            return label + " " + file;
        }
    }

    static Stream<Sample> samples() throws IOException {
        try (InputStream in = Objects.requireNonNull(PicklescanSamplesTest.class.getResourceAsStream(ROOT + "manifest.csv"))) {
            List<Sample> all = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().skip(1)
                    .map(l -> l.split(",", 3)).map(p -> new Sample(p[0], p[1], p[2])).toList();
            var raw = new java.util.ArrayList<Sample>();
            for (Sample s : all) if (!archived(bytes(s))) raw.add(s);
            return raw.stream();
        }
    }

    /** Zip (PyTorch, .npz, the flag-bit variants) and 7z samples: read through the archive readers instead. */
    private static boolean archived(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] == 'P' && bytes[1] == 'K' || bytes[0] == '7' && bytes[1] == 'z');
    }

    private static byte[] bytes(Sample s) throws IOException {
        try (InputStream in = Objects.requireNonNull(PicklescanSamplesTest.class.getResourceAsStream(ROOT + s.file()))) {
            return in.readAllBytes();
        }
    }

    /** Issues of the first reader that recognises the bytes, or null when none does. */
    static List<ModelIssue> scan(byte[] bytes) {
        Head head = PickleScans.head(bytes);
        for (FormatReader r : READERS) {
            if (r.recognizes(head)) return PickleScans.read(r, bytes, ScanLimits.defaults());
        }
        return null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleGetsTheVerdictItsLabelCallsFor(Sample sample) throws IOException {
        List<ModelIssue> issues = scan(bytes(sample));
        switch (sample.label()) {
            case "malicious" -> {
                assertThat(issues).as("recognised").isNotNull();
                assertThat(issues).as(sample.note()).anySatisfy(i -> {
                    assertThat(i.kind()).isEqualTo(IssueKind.DANGEROUS_CALL);
                    assertThat(i.severity().atLeast(Severity.HIGH)).isTrue();
                    assertThat(i.offset()).isNotNegative();
                });
            }
            case "benign" -> {
                assertThat(issues).as("recognised").isNotNull();
                assertThat(issues).as(sample.note()).noneMatch(i -> i.severity().atLeast(Severity.MEDIUM));
            }
            case "broken" -> {
                if (issues != null) assertThat(issues).anyMatch(i -> i.kind() == IssueKind.NOT_VERIFIED);
            }
            default -> throw new AssertionError("unknown label " + sample.label());
        }
    }
}
