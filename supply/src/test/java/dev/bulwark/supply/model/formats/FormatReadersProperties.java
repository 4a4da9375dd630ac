package dev.bulwark.supply.model.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.supply.model.FormatReader;
import dev.bulwark.supply.model.ModelInput;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ScanLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever bytes follow a format's magic, its reader returns normally, within its limits. */
class FormatReadersProperties {
    private static final ScanLimits SMALL = new ScanLimits(5, 100, 1 << 20, 100, 64 * 1024, 10_000, 1_000);
    private static final byte[][] PREFIXES = {
            {16, 0, 0, 0, 0, 0, 0, 0, '{'},
            "GGUF\3\0\0\0".getBytes(StandardCharsets.ISO_8859_1),
            "GGUF\0\0\0\1".getBytes(StandardCharsets.ISO_8859_1),
            {0x08, 0x08, 0x3a},
            {0x08, 0x01, 0x12},
            "{\"class_name\": \"Sequential\", \"config\": ".getBytes(StandardCharsets.UTF_8),
            {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n', 0},
    };
    private static final List<FormatReader> READERS = List.of(new SafetensorsReader(), new GgufReader(),
            new OnnxReader(), new SavedModelReader(), new KerasConfigReader(), new Hdf5Reader());

    @Property(tries = 300)
    void randomBytesAfterAMagicNeverThrow(@ForAll("magicPrefixed") byte[] bytes) throws IOException {
        for (FormatReader reader : READERS) {
            List<ModelIssue> issues = Scans.scan(reader, Scans.input(bytes, bytes.length), SMALL);
            assertThat(issues).hasSizeLessThan(200).allSatisfy(issue -> assertThat(issue.detail()).isNotBlank());
        }
    }

    @Property(tries = 100)
    void endlessStreamsAreReadOnlyUpToTheHeaderLimit(@ForAll("magicPrefixed") byte[] prefix, @ForAll long seed)
            throws IOException {
        for (FormatReader reader : List.of(new GgufReader(), new KerasConfigReader())) {
            Endless endless = new Endless(prefix, seed);
            ModelInput input = new ModelInput() {
                @Override
                public String name() {
                    return "endless";
                }

                @Override
                public long size() {
                    return -1;
                }

                @Override
                public InputStream open() {
                    return endless;
                }
            };
            Scans.Recorder recorder = new Scans.Recorder(SMALL);
            reader.read(input, Scans.head(prefix), recorder);
            assertThat(endless.consumed).isLessThanOrEqualTo(SMALL.maxHeaderBytes() + (1 << 20));
        }
    }

    @Provide
    Arbitrary<byte[]> magicPrefixed() {
        return Arbitraries.integers().between(0, PREFIXES.length - 1).flatMap(i ->
                Arbitraries.bytes().array(byte[].class).ofMaxSize(600).map(tail -> {
                    byte[] out = new byte[PREFIXES[i].length + tail.length];
                    System.arraycopy(PREFIXES[i], 0, out, 0, PREFIXES[i].length);
                    System.arraycopy(tail, 0, out, PREFIXES[i].length, tail.length);
                    return out;
                }));
    }

    /** A prefix followed by random bytes forever, counting what is read or skipped. */
    private static final class Endless extends InputStream {
        private final byte[] prefix;
        private final Random random;
        long consumed;

        Endless(byte[] prefix, long seed) {
            this.prefix = prefix;
            this.random = new Random(seed);
        }

        @Override
        public int read() {
            int b = consumed < prefix.length ? prefix[(int) consumed] & 0xFF : random.nextInt(256);
            consumed++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) b[off + i] = (byte) read();
            return len;
        }

        @Override
        public long skip(long n) {
            consumed += n;
            return n;
        }
    }
}
