package dev.bulwark.supply.model.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelInput;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ScanLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafetensorsReaderTest {
    private static final String VALID = """
            {"__metadata__":{"format":"pt"},
             "a":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]},
             "b":{"dtype":"BF16","shape":[3],"data_offsets":[16,22]},
             "empty":{"dtype":"I64","shape":[0],"data_offsets":[22,22]},
             "packed":{"dtype":"F4","shape":[4],"data_offsets":[22,24]}}   \s""";

    private final SafetensorsReader reader = new SafetensorsReader();

    @Test
    void wellFormedFileYieldsNothing() throws IOException {
        byte[] file = Samples.safetensors(VALID, 24);
        assertThat(reader.recognizes(Scans.head(file))).isTrue();
        assertThat(Scans.scan(reader, file)).isEmpty();
    }

    @Test
    void streamedMemberOfUnknownSizeIsMeasuredByReading() throws IOException {
        byte[] file = Samples.safetensors(VALID, 24);
        assertThat(Scans.scan(reader, Scans.input(file, -1), ScanLimits.defaults())).isEmpty();
        byte[] longer = Samples.safetensors(VALID, 30);
        assertThat(Scans.scan(reader, Scans.input(longer, -1), ScanLimits.defaults()))
                .singleElement().extracting(ModelIssue::detail).asString().contains("after the last tensor");
    }

    @Test
    void terabyteHeaderClaimIsRefusedWithoutReadingTheFile() throws IOException {
        byte[] head = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40).put((byte) '{').array();
        ModelInput neverOpened = new ModelInput() {
            @Override
            public String name() {
                return "huge.safetensors";
            }

            @Override
            public long size() {
                return 2L << 40;
            }

            @Override
            public InputStream open() {
                throw new AssertionError("a terabyte header claim must be refused before reading");
            }
        };
        assertThat(reader.recognizes(Scans.head(head))).isTrue();
        Scans.Recorder recorder = new Scans.Recorder(ScanLimits.defaults());
        reader.read(neverOpened, Scans.head(head), recorder);
        assertThat(recorder.issues).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(IssueKind.NOT_VERIFIED);
            assertThat(issue.detail()).contains("1099511627776");
        });
    }

    @Test
    void headerRunningPastTheFileIsNotVerified() throws IOException {
        byte[] file = Samples.safetensors(VALID, 24);
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putLong(0, file.length);
        assertThat(notVerifiedDetail(file)).contains("runs past the end");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "overlap|{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}|12|overlap",
            "gap|{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}|12|belong to no tensor",
            "out of file|{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}|8|past the 8-byte data area",
            "size mismatch|{\"a\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,16]}}|16|spans 16 bytes",
            "unknown dtype|{\"a\":{\"dtype\":\"PYOBJ\",\"shape\":[1],\"data_offsets\":[0,4]}}|4|unknown dtype",
            "shape overflow|{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,4]}}|4|overflows",
            "negative offset|{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[-4,0]}}|4|negative",
            "three offsets|{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,8]}}|4|exactly two",
            "metadata not string|{\"__metadata__\":{\"n\":1},\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}}|1|not a string",
            "duplicate tensor|{\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]},\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}}|1|not valid JSON",
            "not json|{\"a\":{\"dtype\":\"U8\",|1|not valid JSON",
            "garbage after object|{}xyz|0|not valid JSON",
            "missing fields|{\"a\":{\"dtype\":\"U8\"}}|0|lacks",
    })
    void malformedHeadersAreNotVerified(String label, String header, int dataBytes, String expected) throws IOException {
        assertThat(notVerifiedDetail(Samples.safetensors(header, dataBytes))).contains(expected);
    }

    @Test
    void deeplyNestedHeaderHitsTheParserLimit() throws IOException {
        String header = "{\"a\":{\"extra\":" + "[".repeat(50) + "]".repeat(50) + "}}";
        assertThat(notVerifiedDetail(Samples.safetensors(header, 0))).containsAnyOf("parser limit", "nesting");
    }

    @Test
    void headerOverTheConfiguredLimitIsRefused() throws IOException {
        byte[] file = Samples.safetensors(VALID, 24);
        ScanLimits small = new ScanLimits(5, 100, 1 << 20, 100, 64, 1000, 100);
        List<ModelIssue> issues = Scans.scan(reader, Scans.input(file, file.length), small);
        assertThat(issues).singleElement().extracting(ModelIssue::detail).asString().contains("outside 2..64");
    }

    @Test
    void doesNotClaimOtherFormats() {
        assertThat(reader.recognizes(Scans.head(new byte[] {(byte) 0x80, 2, 'c', 'o', 's', '\n'}))).isFalse();
        assertThat(reader.recognizes(Scans.head("GGUF\3\0\0\0".getBytes()))).isFalse();
        assertThat(reader.recognizes(Scans.head("{\"class_name\": \"x\"}".getBytes()))).isFalse();
    }

    private String notVerifiedDetail(byte[] file) throws IOException {
        List<ModelIssue> issues = Scans.scan(reader, file);
        assertThat(issues).singleElement().extracting(ModelIssue::kind).isEqualTo(IssueKind.NOT_VERIFIED);
        return issues.get(0).detail();
    }
}
