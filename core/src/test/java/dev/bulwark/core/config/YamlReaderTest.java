package dev.bulwark.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
    private static final ConfigFormat FORMAT = new ConfigFormat("test file", "test file", "a, b", "");

    private static JsonNode read(String yaml) throws ConfigException {
        return YamlReader.read(Path.of("test.yaml"), yaml, FORMAT).root();
    }

    @Test
    void onlyTrueAndFalseAreBooleansAsInYaml12() throws ConfigException {
        JsonNode root = read("a: true\nb: False\nc: off\nd: On\ne: yes\nf: NO\ng: 'true'\n");

        assertThat(root.get("a").isBoolean()).isTrue();
        assertThat(root.get("a").booleanValue()).isTrue();
        assertThat(root.get("b").isBoolean()).isTrue();
        assertThat(root.get("b").booleanValue()).isFalse();
        assertThat(root.get("c").textValue()).isEqualTo("off");
        assertThat(root.get("d").textValue()).isEqualTo("On");
        assertThat(root.get("e").textValue()).isEqualTo("yes");
        assertThat(root.get("f").textValue()).isEqualTo("NO");
        assertThat(root.get("g").textValue()).isEqualTo("true");
    }
}
