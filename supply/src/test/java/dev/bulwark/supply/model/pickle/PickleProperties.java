package dev.bulwark.supply.model.pickle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ScanLimits;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whatever the bytes, the scanner ends with issues (at worst "not verified"), never an exception, within limits. */
class PickleProperties {
    private static final ScanLimits SMALL = new ScanLimits(5, 100, 1 << 20, 100, 1 << 20, 2_000, 64);

    private static List<ModelIssue> scan(byte[] bytes) {
        PickleReader reader = new PickleReader();
        reader.recognizes(PickleScans.head(bytes)); // must not throw either
        return PickleScans.read(reader, bytes, SMALL);
    }

    @Property(tries = 400)
    void randomBytesNeverThrow(@ForAll @Size(max = 600) byte[] bytes) {
        List<ModelIssue> issues = scan(bytes);
        assertThat(issues).allSatisfy(i -> assertThat(i.offset()).isLessThanOrEqualTo(bytes.length));
    }

    @Property(tries = 400)
    void randomOpcodeSequencesNeverThrowAndStayWithinLimits(@ForAll("opcodeSequences") byte[] bytes) {
        List<ModelIssue> issues = scan(bytes);
        assertThat(issues).allSatisfy(i -> {
            assertThat(i.offset()).isBetween(-1L, (long) bytes.length);
            if (i.kind() == IssueKind.NOT_VERIFIED) assertThat(i.detail()).isNotBlank();
        });
    }

    @Property(tries = 100)
    void longRunsOfPushesHitTheStackLimitNotTheHeap(@ForAll("pushes") byte[] bytes) {
        List<ModelIssue> issues = scan(bytes);
        assertThat(issues).anySatisfy(i -> assertThat(i.detail()).containsAnyOf("deeper than 64", "more than 2000"));
    }

    /** A PROTO header, then opcodes with plausible operands (each opcode byte followed by a few random bytes). */
    @Provide
    Arbitrary<byte[]> opcodeSequences() {
        Arbitrary<byte[]> oneOp = Combinators.combine(Arbitraries.of(Opcode.values()),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(9), Arbitraries.integers().between(0, 3))
                .as((op, operand, shape) -> {
                    byte[] b = new byte[1 + (shape == 0 ? 0 : operand.length) + (shape == 3 ? 1 : 0)];
                    b[0] = (byte) op.code;
                    if (shape != 0) System.arraycopy(operand, 0, b, 1, operand.length);
                    if (shape == 3) b[b.length - 1] = '\n';
                    return b;
                });
        return oneOp.list().ofMaxSize(80).map(ops -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.write(0x80);
            out.write(4);
            ops.forEach(out::writeBytes);
            out.write('.');
            return out.toByteArray();
        });
    }

    @Provide
    Arbitrary<byte[]> pushes() {
        return Arbitraries.of((int) '(', (int) ']', (int) '}', (int) 'N', 0x88).list().ofMinSize(3_000).ofMaxSize(4_000)
                .map(codes -> {
                    byte[] b = new byte[codes.size() + 2];
                    b[0] = (byte) 0x80;
                    b[1] = 2;
                    for (int k = 0; k < codes.size(); k++) b[k + 2] = (byte) (int) codes.get(k);
                    return b;
                });
    }
}
