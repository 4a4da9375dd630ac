package dev.bulwark.supply.model.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelIssue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OnnxReaderTest {
    private final OnnxReader reader = new OnnxReader();

    static Samples.Proto node(String op, String domain) {
        Samples.Proto node = new Samples.Proto().string(1, "x").string(2, "y").string(3, "n_" + op).string(4, op);
        return domain == null ? node : node.string(7, domain);
    }

    static Samples.Proto externalTensor(String location) {
        return new Samples.Proto().varint(1, 4).varint(2, 1).string(8, "w")
                .message(13, new Samples.Proto().string(1, "location").string(2, location))
                .message(13, new Samples.Proto().string(1, "offset").string(2, "0"))
                .varint(14, 1);
    }

    static byte[] model(Samples.Proto graph, Samples.Proto... functions) {
        Samples.Proto model = new Samples.Proto().varint(1, 8).string(2, "pytorch").string(3, "2.3.0")
                .message(7, graph).message(8, new Samples.Proto().string(1, "").varint(2, 17));
        for (Samples.Proto f : functions) model.message(25, f);
        return model.build();
    }

    static Samples.Proto graph(Samples.Proto... nodes) {
        Samples.Proto graph = new Samples.Proto();
        for (Samples.Proto n : nodes) graph.message(1, n);
        return graph.string(2, "main").message(5, new Samples.Proto().varint(1, 2).varint(2, 1).string(8, "bias")
                .bytes(9, new byte[4096]));
    }

    @Test
    void standardModelWithLocalExternalDataYieldsNothing() throws IOException {
        byte[] file = model(graph(node("Conv", null), node("Relu", ""), node("FusedMatMul", "com.microsoft"),
                node("LabelEncoder", "ai.onnx.ml")).message(5, externalTensor("weights/model.onnx.data")));
        assertThat(reader.recognizes(Scans.head(file))).isTrue();
        assertThat(Scans.scan(reader, file)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "../../.ssh/id_rsa", "weights/../../secret", "C:\\Windows\\win.ini",
            "\\\\host\\share\\w.bin", "~/.bashrc", "file:///etc/shadow", "data.bin:stream"})
    void externalDataEscapingTheModelFolderIsHigh(String location) throws IOException {
        byte[] file = model(graph(node("Conv", null)).message(5, externalTensor(location)));
        List<ModelIssue> issues = Scans.scan(reader, file);
        assertThat(issues).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(IssueKind.UNSAFE_STRUCTURE);
            assertThat(issue.severity()).isEqualTo(Severity.HIGH);
            assertThat(issue.subject()).isEqualTo(location);
            assertThat(issue.offset()).isPositive().isLessThan(file.length);
        });
    }

    @Test
    void externalDataInsideANestedSubgraphIsFound() throws IOException {
        Samples.Proto attribute = new Samples.Proto().string(1, "then_branch").varint(20, 5)
                .message(6, new Samples.Proto().message(5, externalTensor("/tmp/x")));
        byte[] file = model(graph(node("If", null).message(5, attribute)));
        assertThat(Scans.kinds(Scans.scan(reader, file))).containsExactly(IssueKind.UNSAFE_STRUCTURE);
    }

    @Test
    void customOperatorDomainIsMediumAndNamesItsOps() throws IOException {
        byte[] file = model(graph(node("Conv", null), node("Inverse", "ai.onnx.contrib"), node("StringRegexReplace",
                "ai.onnx.contrib")));
        assertThat(Scans.scan(reader, file)).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(IssueKind.UNSAFE_STRUCTURE);
            assertThat(issue.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(issue.subject()).isEqualTo("ai.onnx.contrib");
            assertThat(issue.detail()).contains("Inverse", "StringRegexReplace", "native code");
        });
    }

    @Test
    void customOpInsideLoopBodyIsFound() throws IOException {
        Samples.Proto body = new Samples.Proto().message(1, node("Evil", "com.attacker"));
        byte[] file = model(graph(node("Loop", null).message(5, new Samples.Proto().string(1, "body").message(6, body))));
        assertThat(Scans.scan(reader, file)).extracting(ModelIssue::subject).containsExactly("com.attacker");
    }

    @Test
    void modelLocalFunctionsAreNotCustomLibraries() throws IOException {
        Samples.Proto function = new Samples.Proto().string(1, "Gelu").message(7, node("Erf", null))
                .string(10, "pkg.onnxscript.torch_lib");
        byte[] file = model(graph(node("Gelu", "pkg.onnxscript.torch_lib")), function);
        assertThat(Scans.scan(reader, file)).isEmpty();
    }

    @Test
    void varintOverflowIsNotVerified() throws IOException {
        byte[] file = new Samples.Proto().varint(1, 8).rawBytes((byte) 0x28).rawBytes(
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, (byte) 0x01).message(7, graph()).build();
        assertThat(notVerified(file)).containsAnyOf("varint", "10 bytes");
    }

    @Test
    void lengthPastTheEndIsNotVerified() throws IOException {
        byte[] file = model(graph(node("Conv", null)));
        byte[] cut = java.util.Arrays.copyOf(file, file.length - 10);
        assertThat(notVerified(cut)).contains("runs past the end");
        assertThat(Scans.scan(reader, Scans.input(cut, -1), dev.bulwark.supply.model.ScanLimits.defaults()))
                .extracting(ModelIssue::kind).containsExactly(IssueKind.NOT_VERIFIED);
    }

    @Test
    void deeplyNestedSubgraphsAreNotVerified() throws IOException {
        Samples.Proto g = graph(node("Relu", null));
        for (int i = 0; i < 40; i++) {
            g = new Samples.Proto().message(1, node("If", null)
                    .message(5, new Samples.Proto().string(1, "then_branch").message(6, g)));
        }
        assertThat(notVerified(model(g))).contains("nested deeper");
    }

    @Test
    void doesNotClaimOtherFiles() {
        assertThat(reader.recognizes(Scans.head(SavedModelReaderTest.savedModel(
                new Samples.Proto().message(1, SavedModelReaderTest.node("a", "Const")))))).isFalse();
        assertThat(reader.recognizes(Scans.head("{\"a\": 1}".getBytes(StandardCharsets.UTF_8)))).isFalse();
        assertThat(reader.recognizes(Scans.head(new byte[] {0x08, 0x08, (byte) 0xFF, 0x00}))).isFalse();
        assertThat(reader.recognizes(Scans.head(new byte[] {(byte) 0x80, 0x04, (byte) 0x95}))).isFalse();
    }

    private String notVerified(byte[] file) throws IOException {
        List<ModelIssue> issues = Scans.scan(reader, file);
        assertThat(issues).singleElement().extracting(ModelIssue::kind).isEqualTo(IssueKind.NOT_VERIFIED);
        return issues.get(0).detail();
    }
}
