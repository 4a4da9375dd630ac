package dev.bulwark.supply.model.pickle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.supply.model.ModelInput;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ScanLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A file on disk is read with positional reads that skip payloads without a system call; a stream (an archive
 * member, a decompressed joblib) is read and skipped through. Both must report exactly the same issues at the same
 * offsets, whatever the payload sizes (across buffer refills) and wherever the file is cut.
 */
class FileAndStreamTest {
    private static final ScanLimits SMALL = new ScanLimits(5, 100, 1 << 20, 100, 1 << 20, 2_000, 64);

    /** Issues without the entry name, which is the path for the file and "test" for the stream. */
    private record Seen(String kind, String severity, long offset, String subject, String detail) {
        static Seen of(ModelIssue i) {
            return new Seen(i.kind().name(), i.severity().name(), i.offset(), i.subject(), i.detail());
        }
    }

    private static List<Seen> viaStream(byte[] bytes) {
        return PickleScans.read(new PickleReader(), bytes, SMALL).stream().map(Seen::of).toList();
    }

    private static List<Seen> viaFile(byte[] bytes) {
        try {
            Path file = Files.createTempFile("pickle", ".bin");
            try {
                Files.write(file, bytes);
                PickleScans.Recording context = new PickleScans.Recording(SMALL);
                new PickleReader().read(ModelInput.of(file), PickleScans.head(bytes), context);
                return context.issues.stream().map(Seen::of).toList();
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 60)
    void aFileIsScannedExactlyAsTheSameBytesStreamed(@ForAll("blobbedPickles") byte[] whole,
                                                     @ForAll @IntRange(min = 0, max = 1000) int cutPerMille) {
        // whole, or cut anywhere (inside a payload, inside an operand, after the STOP)
        byte[] bytes = cutPerMille == 1000 ? whole
                : Arrays.copyOf(whole, (int) ((long) whole.length * cutPerMille / 1000));
        assertThat(viaFile(bytes)).isEqualTo(viaStream(bytes));
    }

    @Property(tries = 40)
    void randomOpcodeSequencesToo(@ForAll("opcodeSequences") byte[] bytes) {
        assertThat(viaFile(bytes)).isEqualTo(viaStream(bytes));
    }

    @Provide
    Arbitrary<byte[]> opcodeSequences() {
        return new PickleProperties().opcodeSequences();
    }

    /**
     * Payloads of every size up to a few buffers (BINBYTES8, BINUNICODE8, BINBYTES, long texts), each followed by
     * an import somewhere in the stream, and sometimes a second pickle or trailing data after the STOP.
     */
    @Provide
    Arbitrary<byte[]> blobbedPickles() {
        Arbitrary<Integer> sizes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 300)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(4_000, 70_000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(130_000, 300_000)));
        Arbitrary<byte[]> segment = Combinators.combine(Arbitraries.integers().between(0, 4), sizes).as((kind, n) -> {
            PickleBytes b = new PickleBytes();
            switch (kind) {
                case 0 -> b.op(Opcode.BINBYTES8).le(n, 8).raw(new byte[n]);
                case 1 -> b.op(Opcode.BINUNICODE8).le(n, 8).raw(filled(n, 'a'));
                case 2 -> b.op(Opcode.BINBYTES).le(n, 4).raw(new byte[n]);
                case 3 -> b.stackGlobal("os", "system").memoize();
                default -> b.op(Opcode.BINUNICODE).le(n, 4).raw(filled(n, 'b'));
            }
            if (kind != 3) b.op(Opcode.POP);
            return b.bytes();
        });
        return Combinators.combine(segment.list().ofMinSize(1).ofMaxSize(8), Arbitraries.integers().between(0, 2))
                .as((segments, tail) -> {
                    PickleBytes b = PickleBytes.proto(4);
                    b.op(Opcode.EMPTY_LIST).op(Opcode.MARK);
                    segments.forEach(b::raw);
                    b.op(Opcode.APPENDS).stop();
                    if (tail == 1) b.raw(PickleBytes.proto(2).global("builtins", "eval").stop().bytes());
                    if (tail == 2) b.raw(new byte[5_000]);
                    return b.bytes();
                });
    }

    private static byte[] filled(int n, char c) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }
}
