package dev.bulwark.supply.model.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ScanLimits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GgufReaderTest {
    private final GgufReader reader = new GgufReader();

    private static Samples.Gguf llama(ByteOrder order, int version, String template) {
        return new Samples.Gguf(order, version)
                .string("general.architecture", "llama")
                .u32("general.alignment", 32)
                .strings("tokenizer.ggml.tokens", "<s>", "</s>", "▁the", "{{", "__class__")
                .floats("tokenizer.ggml.scores", 5)
                .string("tokenizer.chat_template", template)
                .tensor("token_embd.weight", 0, 4, 2)
                .tensor("output.weight", 32, 4, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chatml", "llama3", "mistral", "gemma", "qwen-tools"})
    void realModelsWithRealTemplatesYieldNothing(String name) throws IOException {
        byte[] file = llama(ByteOrder.LITTLE_ENDIAN, 3, ChatTemplateInspectorTest.template("benign/" + name + ".jinja")).build(64);
        assertThat(reader.recognizes(Scans.head(file))).isTrue();
        assertThat(Scans.scan(reader, file)).isEmpty();
    }

    @Test
    void cve202434359TemplateIsCriticalAtTheValueOffset() throws IOException {
        String payload = ChatTemplateInspectorTest.template("malicious/cve-2024-34359-subclasses.jinja");
        byte[] file = llama(ByteOrder.LITTLE_ENDIAN, 3, payload).build(64);
        List<ModelIssue> issues = Scans.scan(reader, file);
        assertThat(issues).isNotEmpty().allSatisfy(issue -> {
            assertThat(issue.kind()).isEqualTo(IssueKind.TEMPLATE_INJECTION);
            assertThat(issue.subject()).isEqualTo("tokenizer.chat_template");
            assertThat(issue.offset()).isEqualTo(indexOf(file, payload.getBytes(StandardCharsets.UTF_8)));
        });
        assertThat(issues).extracting(ModelIssue::severity).contains(Severity.CRITICAL);
    }

    @Test
    void namedTemplatesAreInspectedToo() throws IOException {
        byte[] file = llama(ByteOrder.LITTLE_ENDIAN, 3, "{{ messages }}")
                .string("tokenizer.chat_template.tool_use", "{{ lipsum.__globals__.os.popen('id').read() }}").build(64);
        assertThat(Scans.scan(reader, file)).extracting(ModelIssue::subject).containsOnly("tokenizer.chat_template.tool_use");
    }

    @Test
    void bigEndianFilesAreReadInTheirOwnOrder() throws IOException {
        byte[] clean = llama(ByteOrder.BIG_ENDIAN, 3, "{{ messages }}").build(64);
        assertThat(reader.recognizes(Scans.head(clean))).isTrue();
        assertThat(Scans.scan(reader, clean)).isEmpty();
        byte[] bad = llama(ByteOrder.BIG_ENDIAN, 3, "{{ cycler.__init__.__globals__ }}").build(64);
        assertThat(Scans.kinds(Scans.scan(reader, bad))).contains(IssueKind.TEMPLATE_INJECTION);
    }

    @Test
    void versionOneUsesThirtyTwoBitCounts() throws IOException {
        byte[] file = llama(ByteOrder.LITTLE_ENDIAN, 1, "{{ ''.__class__ }}").build(64);
        assertThat(Scans.kinds(Scans.scan(reader, file))).containsOnly(IssueKind.TEMPLATE_INJECTION);
    }

    @Test
    void billionMetadataEntriesAreRefusedBeforeAnyLoop() throws IOException {
        byte[] file = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN)
                .put("GGUF".getBytes(StandardCharsets.US_ASCII)).putInt(3).putLong(0).putLong(1_000_000_000L).array();
        assertThat(notVerified(file)).contains("claims 1000000000 metadata entries");
        // Unknown size: the metadata budget alone refuses it.
        assertThat(Scans.scan(reader, Scans.input(file, -1), ScanLimits.defaults()))
                .singleElement().extracting(ModelIssue::kind).isEqualTo(IssueKind.NOT_VERIFIED);
    }

    @Test
    void hugeTensorCountIsRefused() throws IOException {
        byte[] file = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN)
                .put("GGUF".getBytes(StandardCharsets.US_ASCII)).putInt(3).putLong(-1L).putLong(0).array();
        assertThat(notVerified(file)).contains("tensors");
    }

    @Test
    void truncatedFileIsNotVerified() throws IOException {
        byte[] file = llama(ByteOrder.LITTLE_ENDIAN, 3, "{{ messages }}").build(64);
        assertThat(notVerified(Arrays.copyOf(file, 60))).containsAnyOf("truncated", "runs past", "could hold");
        assertThat(Scans.scan(reader, Scans.input(Arrays.copyOf(file, 200), -1), ScanLimits.defaults()))
                .singleElement().extracting(ModelIssue::detail).asString().contains("truncated");
    }

    @Test
    void unknownValueTypeIsNotVerified() throws IOException {
        byte[] file = new Samples.Gguf().string("a", "b").build(0);
        file[24 + 8 + 1] = 42; // the value type of entry "a"
        assertThat(notVerified(file)).contains("unknown metadata value type 42");
    }

    @Test
    void stringLongerThanTheFileIsNotVerified() throws IOException {
        byte[] file = new Samples.Gguf().string("a", "bcdef").build(0);
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putLong(24 + 8 + 1 + 4, 1L << 40);
        assertThat(notVerified(file)).contains("runs past");
    }

    @Test
    void tensorDataPastTheEndIsNotVerified() throws IOException {
        byte[] file = new Samples.Gguf().tensor("w", 1 << 20, 4).build(0);
        assertThat(notVerified(file)).contains("tensor data reaches byte");
    }

    @Test
    void misalignedTensorIsNotVerified() throws IOException {
        byte[] file = new Samples.Gguf().tensor("w", 3, 4).build(64);
        assertThat(notVerified(file)).contains("alignment");
    }

    @Test
    void oversizedTemplateIsReportedAsUninspected() throws IOException {
        byte[] file = new Samples.Gguf().string("tokenizer.chat_template", "x".repeat((1 << 20) + 1)).build(0);
        assertThat(Scans.scan(reader, file)).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(IssueKind.NOT_VERIFIED);
            assertThat(issue.detail()).contains("too large to inspect");
        });
    }

    @Test
    void unsupportedVersionIsNotClaimed() {
        byte[] file = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN)
                .put("GGUF".getBytes(StandardCharsets.US_ASCII)).putInt(7).array();
        assertThat(reader.recognizes(Scans.head(file))).isFalse();
    }

    private String notVerified(byte[] file) throws IOException {
        List<ModelIssue> issues = Scans.scan(reader, file);
        assertThat(issues).singleElement().extracting(ModelIssue::kind).isEqualTo(IssueKind.NOT_VERIFIED);
        return issues.get(0).detail();
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
