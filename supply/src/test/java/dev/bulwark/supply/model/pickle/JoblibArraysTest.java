package dev.bulwark.supply.model.pickle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelIssue;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** joblib files carry raw array bytes inside the pickle stream (fixtures: joblib/make_fixtures.py). */
class JoblibArraysTest {
    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(
                JoblibArraysTest.class.getResourceAsStream("/dev/bulwark/supply/model/pickle/joblib/" + name))) {
            return in.readAllBytes();
        }
    }

    @Test
    void arraysOfEveryLayoutAreSteppedOverWithoutComplaint() throws IOException {
        byte[] file = fixture("arrays.joblib");
        assertThat(PickleStart.recognizes(PickleScans.head(file))).isTrue();
        List<ModelIssue> issues = PickleScans.pickle(file);
        // float, Fortran-order int, object (nested pickle), structured, bool, empty and 0-d arrays
        assertThat(issues).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"arrays-then-eval.joblib", "arrays-then-eval-protocol2.joblib"})
    void aCallPlacedAfterTheArrayBytesIsStillFound(String name) throws IOException {
        byte[] file = fixture(name);
        List<ModelIssue> issues = PickleScans.pickle(file);
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(IssueKind.DANGEROUS_CALL);
            assertThat(i.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(i.subject()).isIn("builtins.eval", "__builtin__.eval"); // protocol 2 writes Python 2 names
            assertThat(i.offset()).isGreaterThan(8_000); // after the 8,000 bytes of the float array
        });
    }

    @Test
    void truncatedArrayDataIsNotVerified() throws IOException {
        byte[] file = fixture("arrays.joblib");
        List<ModelIssue> issues = PickleScans.pickle(Arrays.copyOf(file, 1_000));
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(IssueKind.NOT_VERIFIED);
            assertThat(i.detail()).contains("truncated");
        });
    }

    @Test
    void wrapperWithoutAUsableDtypeCannotBeFollowed() {
        byte[] p = PickleBytes.proto(4).stackGlobal("joblib.numpy_pickle", "NumpyArrayWrapper")
                .op(Opcode.EMPTY_TUPLE).op(Opcode.NEWOBJ).op(Opcode.EMPTY_DICT).str("shape").op(Opcode.BININT1)
                .u8(3).op(Opcode.TUPLE1).op(Opcode.SETITEM).op(Opcode.BUILD).stop().bytes();
        assertThat(PickleScans.pickle(p)).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(IssueKind.NOT_VERIFIED);
            assertThat(i.detail()).contains("unknown dtype");
        });
    }
}
