package dev.bulwark.supply.model.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChatTemplateInspectorTest {
    private final ChatTemplateInspector inspector = new ChatTemplateInspector();

    static String template(String path) throws IOException {
        try (InputStream in = ChatTemplateInspectorTest.class.getResourceAsStream("templates/" + path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"chatml", "llama3", "mistral", "gemma", "qwen-tools", "llama31-date"})
    void realChatTemplatesAreClean(String name) throws IOException {
        assertThat(inspector.inspect(template("benign/" + name + ".jinja"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "cve-2024-34359-subclasses, CRITICAL",
            "lipsum-globals, CRITICAL",
            "cycler-init, CRITICAL",
            "self-template-reference, CRITICAL",
            "chatml-with-payload, CRITICAL",
            "attr-hex-escapes, CRITICAL",
            "concatenated-dunder, CRITICAL",
            "joined-dunder, HIGH",
            "config-object, HIGH",
            "format-char-codes, HIGH",
    })
    void sandboxEscapesAreFlagged(String name, Severity worst) throws IOException {
        List<ChatTemplateInspector.Match> matches = inspector.inspect(template("malicious/" + name + ".jinja"));
        assertThat(matches).isNotEmpty();
        assertThat(matches.stream().map(ChatTemplateInspector.Match::severity).min(Enum::compareTo)).hasValue(worst);
    }

    @ParameterizedTest
    @ValueSource(strings = {"concatenated-dunder", "joined-dunder", "attr-hex-escapes"})
    void dundersBuiltFromPiecesAreCalledOut(String name) throws IOException {
        assertThat(inspector.inspect(template("malicious/" + name + ".jinja")))
                .anySatisfy(m -> assertThat(m.construct()).containsAnyOf("pieces", "escapes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"__class__ and lipsum.__globals__ outside any block", "{# {{ config.items() }} #}"})
    void textOutsideCodeBlocksIsNotCode(String template) {
        // A Jinja comment still holds "{{", so only the first case is text-only; the second is inspected as code.
        List<ChatTemplateInspector.Match> matches = inspector.inspect(template);
        if (template.startsWith("{#")) assertThat(matches).isNotEmpty();
        else assertThat(matches).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100_000})
    void unclosedBlocksAndLongInputStayLinear(int repeats) {
        String template = "{{ " + "'a' + ".repeat(repeats) + "__class__";
        assertThat(inspector.inspect(template)).isNotEmpty();
    }
}
