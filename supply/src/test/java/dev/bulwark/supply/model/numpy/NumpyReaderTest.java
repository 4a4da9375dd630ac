package dev.bulwark.supply.model.numpy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ScanLimits;
import dev.bulwark.supply.model.pickle.PickleScans;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class NumpyReaderTest {
    private final NumpyReader reader = new NumpyReader();

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(NumpyReaderTest.class.getResourceAsStream(
                "/dev/bulwark/supply/model/corpus/data2/" + name))) {
            return in.readAllBytes();
        }
    }

    private List<ModelIssue> read(byte[] bytes) {
        assertThat(reader.recognizes(PickleScans.head(bytes))).isTrue();
        return PickleScans.read(reader, bytes, ScanLimits.defaults());
    }

    /** A version 1.0 .npy with {@code header} padded the way numpy pads it, followed by {@code data}. */
    private static byte[] npy(String header, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        StringBuilder h = new StringBuilder(header);
        while ((10 + h.length() + 1) % 64 != 0) h.append(' ');
        h.append('\n');
        out.write(h.length() & 0xFF);
        out.write(h.length() >> 8);
        out.writeBytes(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return out.toByteArray();
    }

    @Test
    void objectArrayPickleIsScannedWithFileOffsets() throws IOException {
        byte[] file = sample("dns_exfiltration.npy");
        assertThat(read(file)).singleElement().satisfies(i -> {
            assertThat(i.subject()).isEqualTo("ssl.get_server_certificate");
            assertThat(i.severity()).isEqualTo(Severity.HIGH);
            assertThat(i.offset()).isGreaterThan(128).isLessThan(file.length);
        });
    }

    @Test
    void benignObjectAndNumericArraysReportNothing() throws IOException {
        assertThat(read(sample("object_array.npy"))).isEmpty();
        assertThat(read(sample("int_array.npy"))).isEmpty();
    }

    @Test
    void numericDataIsNeverTakenForAPickle() {
        byte[] looksLikeAPickle = "cos\nsystem\n(S'id'\ntR.".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(read(npy("{'descr': '|u1', 'fortran_order': False, 'shape': (20,), }", looksLikeAPickle))).isEmpty();
        // a structured dtype with a field *named* O holds no objects
        assertThat(read(npy("{'descr': [('O', '<i4')], 'fortran_order': False, 'shape': (5,), }",
                looksLikeAPickle))).isEmpty();
    }

    @Test
    void structuredDtypeWithAnObjectFieldIsAPickle() {
        byte[] evil = "cos\nsystem\n(S'id'\ntR.".getBytes(StandardCharsets.ISO_8859_1);
        List<ModelIssue> issues = read(npy("{'descr': [('a', '<i4'), ('b', '|O')], 'fortran_order': False,"
                + " 'shape': (1,), }", evil));
        assertThat(issues).singleElement().satisfies(i -> assertThat(i.subject()).isEqualTo("os.system"));
    }

    @Test
    void malformedHeadersAreNotVerified() {
        byte[] noDict = npy("hello", new byte[0]);
        assertThat(read(noDict)).singleElement().satisfies(i -> assertThat(i.kind()).isEqualTo(IssueKind.NOT_VERIFIED));
        byte[] truncated = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) 0xff, 0x7f, '{'};
        assertThat(read(truncated)).singleElement().satisfies(i -> assertThat(i.kind()).isEqualTo(IssueKind.NOT_VERIFIED));
        byte[] huge = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f};
        assertThat(read(huge)).singleElement().satisfies(i -> assertThat(i.detail()).contains("over the limit"));
    }
}
