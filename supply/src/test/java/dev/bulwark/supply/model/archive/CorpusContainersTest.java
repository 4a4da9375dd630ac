package dev.bulwark.supply.model.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.Corpus;
import dev.bulwark.supply.model.FormatReader;
import dev.bulwark.supply.model.Head;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelInput;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ModelScanner;
import dev.bulwark.supply.model.Readers;
import dev.bulwark.supply.model.ScanContext;
import dev.bulwark.supply.model.ScanLimits;
import dev.bulwark.supply.model.ScannedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The corpus's containers, with only this package's readers and a recorder standing in for the pickle and numpy
 * readers: every member a loader would read must reach a reader, whatever the zip does to hide it.
 */
class CorpusContainersTest {
    /** Records every input that starts like a binary pickle (PROTO) or a .npy file, with its length. */
    static final class Recorder implements FormatReader {
        final List<String> seen = new ArrayList<>();

        @Override
        public String format() {
            return "recorded";
        }

        @Override
        public boolean recognizes(Head head) {
            return head.at(0) == 0x80 || head.startsWith(0, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'});
        }

        @Override
        public void read(ModelInput input, Head head, ScanContext context) throws IOException {
            try (InputStream in = input.open()) {
                seen.add(input.name() + ":" + in.readAllBytes().length);
            }
        }
    }

    private static ScannedFile scan(String relative, Recorder recorder) {
        var readers = new ArrayList<FormatReader>(Readers.installed().all().stream()
                .filter(r -> r.getClass().getPackageName().equals(ZipReader.class.getPackageName())).toList());
        readers.add(recorder);
        return new ModelScanner(Readers.of(readers), ScanLimits.defaults()).scanFile(Corpus.sample(relative).file());
    }

    @ParameterizedTest
    @ValueSource(strings = {"data/malicious1.zip", "data/malicious1_central_directory.zip", "data/malicious1_wrong_ext.zip",
            "data2/malicious1_crc.zip", "data/malicious1.7z"})
    void theOnePickleIsReached(String relative) {
        var recorder = new Recorder();
        ScannedFile f = scan(relative, recorder);
        assertThat(recorder.seen).singleElement().satisfies(s -> assertThat(s).matches("data\\.(pkl|txt):51"));
        assertThat(f.issues()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"data/malicious1_0x1.zip", "data/malicious1_0x20.zip", "data/malicious1_0x40.zip"})
    void flagBitsDoNotHideThePickle(String relative) {
        var recorder = new Recorder();
        scan(relative, recorder);
        assertThat(recorder.seen).containsExactly("model/config.pkl:51");
    }

    @Test
    void aPytorchZipCheckpointIsRecognisedAndItsPickleReached() {
        var recorder = new Recorder();
        ScannedFile f = scan("data/new_pytorch_model.bin", recorder);
        assertThat(f.formats()).containsSubsequence("zip", "pytorch-zip");
        assertThat(recorder.seen).containsExactly("archive/data.pkl:154");
    }

    @ParameterizedTest
    @ValueSource(strings = {"data2/int_arrays.npz", "data2/int_arrays_compressed.npz", "data2/object_arrays.npz",
            "data2/object_arrays_compressed.npz"})
    void npzMembersAreReachedStoredOrDeflated(String relative) {
        var recorder = new Recorder();
        ScannedFile f = scan(relative, recorder);
        assertThat(recorder.seen).hasSize(2).allSatisfy(s -> assertThat(s).matches("[ab]\\.npy:(140|288)"));
        assertThat(f.issues()).isEmpty();
    }

    @Test
    void aPasswordProtectedZipIsReportedNotVerifiedButLowBecauseNoModelIsClaimed() {
        ScannedFile f = scan("data/benign_password_protected.zip", new Recorder());
        assertThat(f.issues()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(IssueKind.NOT_VERIFIED);
            assertThat(i.severity()).isEqualTo(Severity.LOW);
            assertThat(i.entry()).isEqualTo("test.txt");
        });
        assertThat(f.issues()).extracting(ModelIssue::subject).containsExactly("encrypted member");
    }
}
