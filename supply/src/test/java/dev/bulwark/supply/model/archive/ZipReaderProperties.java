package dev.bulwark.supply.model.archive;

import dev.bulwark.supply.model.MarkerReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The zip fuzz target on every build: the Jazzer seeds and mutations of them (overwritten header fields, bit flips,
 * truncations) must always end in a result, never an exception, hang or out-of-memory.
 */
class ZipReaderProperties {
    private static final Path SEEDS = seedDir();

    private static Path seedDir() {
        try {
            return Path.of(ZipReaderProperties.class.getResource(
                    "ZipReaderFuzzTestInputs/zipBytesNeverEscapeTheScanner").toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<byte[]> seeds() {
        var out = new ArrayList<byte[]>();
        try (Stream<Path> files = Files.list(SEEDS)) {
            for (Path p : files.sorted().toList()) out.add(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] evil = MarkerReader.payload("os.system");
        out.add(new TestZip().stored("a/data.pkl", evil).deflated("b.txt", evil).bytes());
        out.add(new TestZip().add(new TestZip.Entry("d.pkl", evil, true, 1, true, true, false, null)).withoutDirectory()
                .bytes());
        return out;
    }

    @Property(tries = 400)
    void mutatedZipsNeverEscape(@ForAll("mutatedZips") byte[] zip) throws IOException {
        ZipReaderFuzzTest.scanOnce(zip);
    }

    @Property(tries = 50)
    void theSeedsScanCleanly() throws IOException {
        for (byte[] seed : seeds()) ZipReaderFuzzTest.scanOnce(seed);
    }

    @Provide
    Arbitrary<byte[]> mutatedZips() {
        List<byte[]> seeds = seeds();
        Arbitrary<byte[]> seed = Arbitraries.of(seeds);
        return Combinators.combine(seed, Arbitraries.integers().between(0, 1 << 16),
                        Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 3))
                .as((bytes, position, value, how) -> mutate(bytes, position, value, how));
    }

    private static byte[] mutate(byte[] seed, int position, int value, int how) {
        byte[] b = seed.clone();
        if (b.length == 0) return "PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1);
        int at = position % b.length;
        switch (how) {
            case 0 -> b[at] = (byte) value;                                  // overwrite one byte
            case 1 -> b[at] ^= (byte) (1 << (value % 8));                    // flip one bit
            case 2 -> b = java.util.Arrays.copyOf(b, at);                    // truncate
            default -> {                                                     // saturate a 32-bit field
                for (int i = at; i < Math.min(b.length, at + 4); i++) b[i] = (byte) 0xFF;
            }
        }
        return b;
    }
}
