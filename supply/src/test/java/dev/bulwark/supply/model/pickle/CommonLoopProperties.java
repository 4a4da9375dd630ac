package dev.bulwark.supply.model.pickle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.supply.model.Corpus;
import dev.bulwark.supply.model.ScanLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The machine's loop over common opcodes is a shortcut only: with it and without it, the simulator reports exactly
 * the same events (imports, mutations, extensions, "not verified" with offsets and reasons) in the same order.
 */
class CommonLoopProperties {
    /** Small stack, mark and opcode limits, so the loop meets a full stack and the opcode limit too. */
    private static final ScanLimits TIGHT = new ScanLimits(5, 100, 1 << 20, 100, 1 << 20, 3_000, 40);

    /** Every observer call, in order, as text. */
    private static final class Events implements PickleObserver {
        final List<String> seen = new ArrayList<>();

        @Override
        public void imported(String module, String name, long offset, Opcode opcode) {
            seen.add("import " + module + " " + name + " @" + offset + " " + opcode);
        }

        @Override
        public void unresolvedImport(String shown, long offset) {
            seen.add("unresolved " + shown + " @" + offset);
        }

        @Override
        public void mutatedImport(String qualifiedName, long offset, Opcode opcode) {
            seen.add("mutated " + qualifiedName + " @" + offset + " " + opcode);
        }

        @Override
        public void extension(long code, long offset) {
            seen.add("ext " + code + " @" + offset);
        }

        @Override
        public void notVerified(long offset, String reason) {
            seen.add("not verified @" + offset + " " + reason);
        }
    }

    private static List<String> events(byte[] bytes, ScanLimits limits, boolean commonLoop) {
        Events events = new Events();
        try {
            int pickles = new PickleStreamScanner(limits, events, commonLoop).scan(new ByteArrayInputStream(bytes));
            events.seen.add(pickles + " pickles");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events.seen;
    }

    private static void sameEvents(byte[] bytes, ScanLimits limits) {
        assertThat(events(bytes, limits, true)).isEqualTo(events(bytes, limits, false));
    }

    @Property(tries = 600)
    void commonOpcodesGiveTheSameEvents(@ForAll("mostlyCommonOpcodes") byte[] bytes) {
        sameEvents(bytes, TIGHT);
        sameEvents(bytes, ScanLimits.defaults());
    }

    /** Long inputs cross the 64 KiB buffer, where the loop hands operands near its end to the general path. */
    @Property(tries = 40)
    void acrossBufferRefillsTheEventsAreTheSame(@ForAll("mostlyCommonOpcodes") byte[] body,
            @ForAll @IntRange(min = 200, max = 3_000) int repeats) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80);
        out.write(4);
        out.write('(');
        for (int k = 0; k < repeats; k++) out.write(body, 2, body.length - 3); // without PROTO and STOP
        out.write('.');
        byte[] bytes = out.toByteArray();
        sameEvents(bytes, ScanLimits.defaults());
    }

    /** SETITEM(S) and APPEND(S) on an imported object are reported by the general path, with their offsets. */
    @Example
    void fillingAnImportedObjectIsReportedEitherWay() {
        String global = "cos\nenviron\n";
        for (String body : new String[] {global + "\u008c\u0001k\u008c\u0001vs", global + "(\u008c\u0001kK\u0001u",
                global + "K\u0001a", global + "(K\u0001e", global + "(K\u0001\u0090"}) {
            // NONE and POP after it: the loop leaves the last few bytes of its buffer to the general path
            String bytesText = "\u0080\u0004" + body + "N0".repeat(8) + ".";
            byte[] bytes = bytesText.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            List<String> events = events(bytes, ScanLimits.defaults(), true);
            assertThat(events).as(body).anySatisfy(e -> assertThat(e).startsWith("mutated os.environ"));
            assertThat(events).as(body).isEqualTo(events(bytes, ScanLimits.defaults(), false));
        }
    }

    @Example
    void picklescanCorpusGivesTheSameEvents() throws IOException {
        try (Stream<Path> files = Files.walk(Corpus.root())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                assertThat(events(bytes, ScanLimits.defaults(), true)).as(file.toString())
                        .isEqualTo(events(bytes, ScanLimits.defaults(), false));
            }
        }
    }

    /**
     * A PROTO header, then opcodes the common loop takes (and a few it does not: imports, calls, STOP) with operands
     * that are mostly plausible, so the runs get far; memo keys are small so reads hit written keys.
     */
    @Provide
    Arbitrary<byte[]> mostlyCommonOpcodes() {
        Arbitrary<Integer> common = Arbitraries.of((int) 'K', (int) 'M', (int) 'J', 0x8a, (int) 'G', 0x8c, (int) 'X',
                (int) 'N', 0x88, 0x89, (int) ']', (int) ')', (int) '}', (int) '(', (int) 't', 0x85, 0x86, 0x87,
                (int) 'a', (int) 'e', 0x90, (int) 's', (int) 'u', (int) 'h', (int) 'j', (int) 'q', (int) 'r', 0x94);
        Arbitrary<Integer> other = Arbitraries.of(0x93, (int) 'R', (int) 'b', 0x81, (int) '0', (int) '2', (int) '1',
                (int) 'l', (int) 'd', 0x8f, (int) '.', (int) 'c');
        Arbitrary<Integer> code = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, common), net.jqwik.api.Tuple.of(1, other));
        Arbitrary<byte[]> oneOp = Combinators.combine(code, Arbitraries.integers().between(0, 12),
                Arbitraries.strings().withChars("osbuiltn_.ab").ofMaxLength(6)).as(CommonLoopProperties::op);
        return oneOp.list().ofMaxSize(120).map(ops -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0x80);
            out.write(4);
            ops.forEach(out::writeBytes);
            out.write('.');
            return out.toByteArray();
        });
    }

    private static byte[] op(int code, int small, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(code);
        switch (code) {
            case 'K', 'h', 'q' -> out.write(small);
            case 'M' -> out.writeBytes(new byte[] {(byte) small, (byte) (small == 12 ? 1 : 0)});
            case 'J', 'j', 'r' -> out.writeBytes(new byte[] {(byte) small, 0, 0, (byte) (small == 12 ? 0x80 : 0)});
            case 0x8a -> {
                int n = small == 12 ? 9 : Math.min(small, 8); // 9: a long the loop leaves to the general path
                out.write(n);
                for (int k = 0; k < n; k++) out.write(0xF0 + k);
            }
            case 'G' -> out.writeBytes(new byte[8]);
            case 0x8c -> {
                out.write(text.length());
                out.writeBytes(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            case 'X' -> {
                int n = small == 12 ? 300 : text.length(); // 300: longer than the simulator keeps
                out.writeBytes(new byte[] {(byte) n, (byte) (n >> 8), 0, 0});
                for (int k = 0; k < n; k++) out.write(k < text.length() ? text.charAt(k) : 'x');
            }
            case 'c' -> out.writeBytes(("os\n" + (text.isEmpty() ? "system" : text) + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            default -> { }
        }
        return out.toByteArray();
    }
}
