package dev.bulwark.core.scope;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SniffersTest {
    @Test
    void modelDecoysAreNotModels() {
        byte[] zip = {'P', 'K', 3, 4, 0, 0};
        assertThat(ModelSniffer.sniff("docs.zip", zip, 100)).isEmpty();
        assertThat(ModelSniffer.sniff("report.docx", zip, 100)).isEmpty();
        assertThat(ModelSniffer.sniff("model.keras", zip, 100)).contains("keras");
        assertThat(ModelSniffer.sniff("notes.onnx", "hello".getBytes(), 5)).isEmpty();
        assertThat(ModelSniffer.sniff("x.bin", new byte[]{(byte) 0x80, 0x07}, 2)).isEmpty();
        assertThat(ModelSniffer.sniff("x.bin", new byte[]{(byte) 0x80, 0x05}, 2)).contains("pickle");
        assertThat(ModelSniffer.sniff("legacy.pkl", "(dp0\n".getBytes(), 5)).contains("pickle");
    }

    @Test
    void safetensorsHeaderLengthMustFitTheFile() {
        byte[] head = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(6).put("{\"a\":1}".getBytes()).array();
        assertThat(ModelSniffer.sniff("w.safetensors", head, 16)).contains("safetensors");
        assertThat(ModelSniffer.sniff("w.safetensors", head, 10)).isEmpty();
        byte[] huge = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE).put("{".getBytes()).array();
        assertThat(ModelSniffer.sniff("w.safetensors", huge, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void piiColumnNames() {
        assertThat(PiiColumns.suggestingPii(List.of("customerEmail", "e-mail", "PhoneNumber", "first_name", "DOB",
                "street_address", "ssn", "ip")))
                .hasSize(8);
        assertThat(PiiColumns.suggestingPii(List.of("id", "class_name_x", "filename", "amount", "created_at", "label")))
                .containsExactly("class_name_x");
        assertThat(PiiColumns.suggestsPii("classname")).isFalse();
    }

    @Test
    void csvHeaderWithQuotes() {
        assertThat(DatasetSniffer.splitHeader("\"id\",\"last, first\",  email ,", ','))
                .containsExactly("id", "last, first", "email");
    }

    @Test
    void manifestNames() {
        assertThat(ManifestNames.ecosystem("requirements-prod.txt")).contains("pypi");
        assertThat(ManifestNames.ecosystem("Pipfile.lock")).contains("pypi");
        assertThat(ManifestNames.ecosystem("build.gradle.kts")).contains("maven");
        assertThat(ManifestNames.ecosystem("Cargo.lock")).contains("cargo");
        assertThat(ManifestNames.ecosystem("notes.txt")).isEmpty();
    }
}
