package dev.bulwark.supply.model.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelInput;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ScanLimits;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .h5 files are written with jhdf's own writer, the way Keras 2 lays out model_config and training_config. */
class Hdf5ReaderTest {
    private final Hdf5Reader reader = new Hdf5Reader();

    @TempDir
    Path dir;

    private Path h5(String name, String modelConfig, String trainingConfig) {
        Path file = dir.resolve(name);
        try (WritableHdfFile out = HdfFile.write(file)) {
            if (modelConfig != null) out.putAttribute("model_config", modelConfig);
            if (trainingConfig != null) out.putAttribute("training_config", trainingConfig);
            out.putAttribute("keras_version", "2.15.0");
            out.putGroup("model_weights").putDataset("kernel", new float[] {1f, 2f, 3f});
        }
        return file;
    }

    private List<ModelIssue> scan(Path file) throws IOException {
        return Scans.scan(reader, ModelInput.of(file), ScanLimits.defaults());
    }

    @Test
    void ordinaryModelYieldsNothing() throws IOException {
        Path file = h5("ok.h5", new String(KerasConfigReaderTest.config("keras2-functional"), StandardCharsets.UTF_8),
                "{\"loss\": \"binary_crossentropy\", \"optimizer_config\": {\"class_name\": \"Adam\", \"config\": {}}}");
        assertThat(reader.recognizes(Scans.head(ModelInput.of(file)))).isTrue();
        assertThat(scan(file)).isEmpty();
    }

    @Test
    void lambdaNestedInsideWrappersIsFound() throws IOException {
        Path file = h5("lambda.h5", new String(KerasConfigReaderTest.config("keras2-nested-lambda"), StandardCharsets.UTF_8), null);
        assertThat(scan(file)).singleElement().satisfies(issue -> {
            assertThat(issue.subject()).isEqualTo("Lambda");
            assertThat(issue.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(issue.detail()).contains("model_config attribute");
        });
    }

    @Test
    void trainingConfigIsWalkedToo() throws IOException {
        Path file = h5("loss.h5", "{\"class_name\": \"Sequential\", \"config\": {\"layers\": []}}",
                "{\"loss\": {\"module\": \"os\", \"class_name\": \"function\", \"config\": \"system\"}}");
        assertThat(scan(file)).extracting(ModelIssue::subject).containsExactly("os.system");
    }

    @Test
    void archiveMemberIsSpilledToATemporaryFile() throws IOException {
        byte[] bytes = Files.readAllBytes(h5("member.h5", new String(KerasConfigReaderTest.config("tfsmlayer"),
                StandardCharsets.UTF_8), null));
        assertThat(Scans.scan(reader, Scans.input(bytes, -1), ScanLimits.defaults()))
                .extracting(ModelIssue::subject).containsExactly("TFSMLayer");
    }

    @Test
    void weightsOnlyFileYieldsNothing() throws IOException {
        assertThat(scan(h5("weights.h5", null, null))).isEmpty();
    }

    @Test
    void userBlockOffsetsAreRecognised() {
        byte[] head = new byte[4096];
        System.arraycopy(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n'}, 0, head, 512, 8);
        assertThat(reader.recognizes(Scans.head(head))).isTrue();
        assertThat(reader.recognizes(Scans.head(new byte[] {(byte) 0x89, 'P', 'N', 'G'}))).isFalse();
    }

    @Test
    void garbageAfterTheMagicIsNotVerified() throws IOException {
        byte[] bytes = new byte[2048];
        Arrays.fill(bytes, (byte) 0xFF);
        System.arraycopy(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0}, 0, bytes, 0, 12);
        assertThat(Scans.kinds(Scans.scan(reader, Scans.input(bytes, bytes.length), ScanLimits.defaults())))
                .containsExactly(IssueKind.NOT_VERIFIED);
    }

    @Test
    void truncatedFileIsNotVerified() throws IOException {
        byte[] whole = Files.readAllBytes(h5("cut.h5", "{\"class_name\": \"Sequential\", \"config\": {}}", null));
        byte[] cut = Arrays.copyOf(whole, 200);
        assertThat(Scans.kinds(Scans.scan(reader, Scans.input(cut, cut.length), ScanLimits.defaults())))
                .containsExactly(IssueKind.NOT_VERIFIED);
    }
}
