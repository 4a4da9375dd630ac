package dev.bulwark.core.scope;

import dev.bulwark.core.Classification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ScopeDiscoveryTest {
    @TempDir
    Path dir;

    @TempDir
    Path elsewhere;

    static Path write(Path root, String rel, byte[] content) throws IOException {
        Path file = root.resolve(rel);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    static Path write(Path root, String rel, String content) throws IOException {
        return write(root, rel, content.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) out[i] = (byte) values[i];
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }

    static byte[] safetensors() {
        byte[] header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        return b.putLong(header.length).put(header).putInt(0).array();
    }

    /** A small project with one of everything discovery looks for, plus decoys it must ignore. */
    void project() throws IOException {
        write(dir, ".env", "OPENAI_BASE_URL=http://127.0.0.1:8080/v1\nOPENAI_API_KEY=sk-live-SECRET-0123456789\n"
                + "OPENAI_MODEL=support-model\n");
        write(dir, "config/app.yaml", "llm:\n  # base_url: http://commented.example/v1\n  base_url: \"http://localhost:11434/v1\"\n");
        write(dir, "models/clf.pkl", concat(bytes(0x80, 0x04, 0x95), "cos\nsystem\n".getBytes(StandardCharsets.US_ASCII)));
        write(dir, "models/weights.safetensors", safetensors());
        write(dir, "models/net.pt", concat(bytes('P', 'K', 3, 4), new byte[40]));
        write(dir, "models/llm.gguf", concat("GGUF".getBytes(StandardCharsets.US_ASCII), new byte[20]));
        write(dir, "models/old.h5", concat(bytes(0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'), new byte[20]));
        write(dir, "models/arr.npy", concat(bytes(0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0), new byte[20]));
        write(dir, "models/model.onnx", bytes(0x08, 0x07, 0x12, 0x04, 'o', 'n', 'n', 'x'));
        write(dir, "export/1/saved_model.pb", bytes(0x08, 0x01));
        write(dir, "docs/archive.zip", concat(bytes('P', 'K', 3, 4), new byte[40]));
        write(dir, "docs/notes.bin", "just some text, not a model".getBytes(StandardCharsets.US_ASCII));
        write(dir, "requirements.txt", "torch==2.3.0\n");
        write(dir, "requirements-dev.txt", "pytest\n");
        write(dir, "web/package.json", "{\"name\": \"web\", \"dependencies\": {}}");
        write(dir, "pom.xml", "<project/>");
        write(dir, "svc/go.mod", "module x\n");
        write(dir, "rs/Cargo.toml", "[package]\n");
        write(dir, "data/customers.csv", "id,Email,signup_date\n1,a@example.com,2024-01-01\n");
        write(dir, "data/metrics.tsv", "day\tcount\n2024-01-01\t3\n");
        write(dir, "data/chats.jsonl", "{\"prompt\": \"hi\", \"completion\": \"hello\"}\n");
        write(dir, "data/users.json", "[ {\"firstName\": \"Ann\", \"plan\": \"pro\"} ]");
        write(dir, "data/events.parquet", concat("PAR1".getBytes(StandardCharsets.US_ASCII),
                "....schema.phone_number...event_type....PAR1".getBytes(StandardCharsets.US_ASCII)));
        write(dir, "node_modules/pkg/hidden.pkl", bytes(0x80, 0x04, 0x95));
        write(dir, ".git/objects/x.pkl", bytes(0x80, 0x04, 0x95));
        write(dir, ".venv/lib/requirements.txt", "x\n");
    }

    @Test
    void findsModelsByContent() throws Exception {
        project();
        Discovery d = new ScopeDiscovery().discover(dir);

        Map<String, String> models = d.models().stream()
                .collect(Collectors.toMap(m -> m.path().toString(), Discovery.ModelFile::format));
        assertThat(models).containsOnly(
                entry("models/clf.pkl", "pickle"), entry("models/weights.safetensors", "safetensors"),
                entry("models/net.pt", "pytorch"), entry("models/llm.gguf", "gguf"), entry("models/old.h5", "hdf5"),
                entry("models/arr.npy", "numpy"), entry("models/model.onnx", "onnx"),
                entry("export/1/saved_model.pb", "tensorflow-savedmodel"));
    }

    @Test
    void findsManifestsAndSkipsToolFolders() throws Exception {
        project();
        Discovery d = new ScopeDiscovery().discover(dir);

        assertThat(d.manifests()).extracting(m -> m.path().toString() + "=" + m.ecosystem()).containsExactly(
                "pom.xml=maven", "requirements-dev.txt=pypi", "requirements.txt=pypi", "rs/Cargo.toml=cargo",
                "svc/go.mod=go", "web/package.json=npm");
        assertThat(d.truncated()).isFalse();
    }

    @Test
    void findsDatasetsAndGuessesClassificationFromColumnNames() throws Exception {
        project();
        Discovery d = new ScopeDiscovery().discover(dir);

        Map<String, Discovery.Dataset> byPath = d.datasets().stream()
                .collect(Collectors.toMap(ds -> ds.path().toString(), ds -> ds));
        assertThat(byPath).containsOnlyKeys("data/customers.csv", "data/metrics.tsv", "data/chats.jsonl",
                "data/users.json", "data/events.parquet");
        assertThat(byPath.get("data/customers.csv").columns()).containsExactly("id", "Email", "signup_date");
        assertThat(byPath.get("data/customers.csv").classification()).isEqualTo(Classification.CONFIDENTIAL);
        assertThat(byPath.get("data/customers.csv").piiColumns()).containsExactly("Email");
        assertThat(byPath.get("data/metrics.tsv").classification()).isEqualTo(Classification.INTERNAL);
        assertThat(byPath.get("data/chats.jsonl").columns()).containsExactly("prompt", "completion");
        assertThat(byPath.get("data/chats.jsonl").classification()).isEqualTo(Classification.INTERNAL);
        assertThat(byPath.get("data/users.json").columns()).containsExactly("firstName", "plan");
        assertThat(byPath.get("data/users.json").classification()).isEqualTo(Classification.CONFIDENTIAL);
        assertThat(byPath.get("data/events.parquet").classification()).isEqualTo(Classification.CONFIDENTIAL);
    }

    @Test
    void findsEndpointsWithTheKeyVariableNameButNeverItsValue() throws Exception {
        project();
        Discovery d = new ScopeDiscovery().discover(dir);

        assertThat(d.endpoints()).extracting(e -> e.url().toString()).containsExactly(
                "http://127.0.0.1:8080/v1/chat/completions", "http://localhost:11434/v1/chat/completions");
        Discovery.Endpoint openai = d.endpoints().get(0);
        assertThat(openai.provider()).isEqualTo("openai");
        assertThat(openai.setting()).isEqualTo("OPENAI_BASE_URL");
        assertThat(openai.apiKeyVariable()).contains("OPENAI_API_KEY");
        assertThat(openai.model()).contains("support-model");
        assertThat(openai.foundIn()).isEqualTo(Path.of(".env"));
        assertThat(openai.line()).isEqualTo(1);
        Discovery.Endpoint ollama = d.endpoints().get(1);
        assertThat(ollama.provider()).isEqualTo("ollama");
        assertThat(ollama.apiKeyVariable()).isEmpty();
        assertThat(ollama.line()).isEqualTo(3);
        assertThat(d.toString()).doesNotContain("SECRET");
    }

    @Test
    void writtenScopeLoadsBackAndNamesTheKeyVariableOnly() throws Exception {
        project();
        Discovery d = new ScopeDiscovery().discover(dir);
        String yaml = ScopeWriter.write(d);

        assertThat(yaml).doesNotContain("SECRET").contains("${OPENAI_API_KEY}")
                .contains("bulwark scan model").contains("kind: model-files").contains("kind: dependencies")
                .contains("models/clf.pkl  (pickle)").contains("requirements.txt  (pypi)");
        Scope scope = ScopeLoader.parse(yaml, dir.resolve("bulwark.yaml"), Map.of("OPENAI_API_KEY", "sk-test"));

        assertThat(scope.engagement().name()).isEqualTo(dir.getFileName() + " AI assessment");
        assertThat(scope.rules().allowedHosts()).containsExactly("127.0.0.1", "localhost");
        assertThat(scope.targets()).hasSize(5);
        assertThat(scope.targets().subList(0, 2)).allSatisfy(t -> assertThat(t).isInstanceOf(LlmChatTarget.class));
        assertThat(scope.targets().get(2)).isInstanceOfSatisfying(ModelFilesTarget.class,
                m -> assertThat(m.paths()).contains(dir.resolve("models/clf.pkl").normalize()));
        assertThat(scope.targets().get(3)).isInstanceOfSatisfying(DependenciesTarget.class,
                m -> assertThat(m.paths()).contains(dir.resolve("requirements.txt").normalize()));
        assertThat(scope.targets().get(4)).isInstanceOfSatisfying(DatasetTarget.class, t -> {
            assertThat(t.id()).isEqualTo("datasets");
            assertThat(t.sampleRows()).isEqualTo(DatasetTarget.DEFAULT_SAMPLE_ROWS);
            assertThat(t.quasiIdentifiers()).isEmpty();
        });
        LlmChatTarget openai = (LlmChatTarget) scope.targets().get(0);
        assertThat(openai.id()).isEqualTo("openai-chat");
        assertThat(openai.model()).isEqualTo("support-model");
        assertThat(openai.auth()).contains(new Auth("Authorization", "Bearer sk-test"));
        assertThat(((LlmChatTarget) scope.targets().get(1)).auth()).isEmpty();
        assertThat(scope.asset("customers")).hasValueSatisfying(a -> {
            assertThat(a.kind()).isEqualTo(Asset.AssetKind.DATASET);
            assertThat(a.classification()).isEqualTo(Classification.CONFIDENTIAL);
        });
        assertThat(scope.asset("metrics").map(Asset::classification)).contains(Classification.INTERNAL);
        assertThat(scope.asset("clf").map(Asset::kind)).contains(Asset.AssetKind.MODEL);
        assertThat(scope.assets()).hasSize(d.datasets().size() + d.models().size());
        assertThat(scope.trustBoundaries()).extracting(Scope.TrustBoundary::to).containsExactly("openai-chat", "ollama-chat");
    }

    @Test
    void emptyFolderGivesAStarterScopeThatLoads() throws Exception {
        Discovery d = new ScopeDiscovery().discover(dir);
        assertThat(d.isEmpty()).isTrue();

        String yaml = ScopeWriter.write(d);
        Scope scope = ScopeLoader.parse(yaml, dir.resolve("bulwark.yaml"), Map.of());

        assertThat(yaml).contains("starter scope").contains("# Targets:").contains("# Rules of engagement");
        assertThat(scope.targets()).isEmpty();
        assertThat(scope.rules().allowedHosts()).containsExactly("127.0.0.1");
    }

    @Test
    void symlinksAreFollowedOnlyInsideTheFolder() throws Exception {
        Path outside = write(elsewhere, "secret.pkl", bytes(0x80, 0x04, 0x95));
        Path inside = write(dir, "real/inner.pkl", bytes(0x80, 0x04, 0x95));
        Files.createSymbolicLink(dir.resolve("escape.pkl"), outside);
        Files.createSymbolicLink(dir.resolve("linked.pkl"), inside);
        Files.createSymbolicLink(dir.resolve("outdir"), elsewhere);

        Discovery d = new ScopeDiscovery().discover(dir);

        assertThat(d.models()).extracting(m -> m.path().toString()).containsExactly("linked.pkl", "real/inner.pkl");
    }

    @Test
    void depthAndFileCountAreBounded() throws Exception {
        write(dir, "a/b/c/d/e/f/g/h/i/j/deep.pkl", bytes(0x80, 0x04));
        Discovery deep = new ScopeDiscovery().discover(dir);
        assertThat(deep.models()).isEmpty();
        assertThat(deep.truncated()).isTrue();

        Path many = Files.createDirectories(elsewhere.resolve("many"));
        for (int i = 0; i < 12; i++) write(many, "f" + i + ".pkl", bytes(0x80, 0x04));
        Discovery capped = new ScopeDiscovery(8, 5).discover(many);
        assertThat(capped.filesExamined()).isEqualTo(5);
        assertThat(capped.models()).hasSize(5);
        assertThat(capped.truncated()).isTrue();
        assertThat(ScopeWriter.write(capped)).contains("stopped at a limit");
    }

    @Test
    void hostileFileNamesCannotChangeTheWrittenScope() throws Exception {
        write(dir, "x\"\n  - id: injected\n    kind: model ${HOME}.csv", "email,name\n");
        write(dir, "weird$${A}.pkl", bytes(0x80, 0x02));

        String yaml = ScopeWriter.write(new ScopeDiscovery().discover(dir));
        Scope scope = ScopeLoader.parse(yaml, dir.resolve("bulwark.yaml"), Map.of());

        assertThat(scope.assets()).hasSize(2);
        assertThat(scope.asset("injected")).isEmpty();
        assertThat(scope.assets().get(0).description()).contains("kind: model ${HOME}.csv");
        assertThat(scope.assets().get(1).description()).contains("weird$${A}.pkl");
    }

    @Test
    void largeFilesAreOnlyReadAtTheirStart() throws Exception {
        byte[] big = new byte[3 * ScopeDiscovery.MAX_READ];
        byte[] header = "id,phone\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, big, 0, header.length);
        write(dir, "big.csv", big);
        // A key setting beyond the read limit is not seen: only the first MAX_READ bytes count.
        write(dir, ".env", "#".repeat(ScopeDiscovery.MAX_READ) + "\nOPENAI_BASE_URL=http://127.0.0.1:1/v1\n");

        Discovery d = new ScopeDiscovery().discover(dir);

        assertThat(d.datasets()).singleElement().satisfies(ds -> assertThat(ds.piiColumns()).containsExactly("phone"));
        assertThat(d.endpoints()).isEmpty();
    }

    @Test
    void missingFolderIsAnIoError() {
        Optional<Exception> error = Optional.empty();
        try {
            new ScopeDiscovery().discover(dir.resolve("missing"));
        } catch (Exception e) {
            error = Optional.of(e);
        }
        assertThat(error).get().isInstanceOf(IOException.class);
    }
}
