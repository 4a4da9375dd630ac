package dev.bulwark.core.scope;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointSnifferTest {
    static List<Discovery.Endpoint> scan(String text) {
        return EndpointSniffer.scan(text, Path.of("cfg"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "OPENAI_BASE_URL=http://127.0.0.1:8080/v1                 | http://127.0.0.1:8080/v1/chat/completions | openai",
            "export OPENAI_API_BASE='https://api.openai.com/v1/'        | https://api.openai.com/v1/chat/completions | openai",
            "AZURE_OPENAI_ENDPOINT=https://acme.openai.azure.com/       | https://acme.openai.azure.com/openai/v1/chat/completions | azure-openai",
            "ANTHROPIC_BASE_URL=https://api.anthropic.com               | https://api.anthropic.com/v1/chat/completions | anthropic",
            "OLLAMA_HOST=0.0.0.0:11434                                  | http://127.0.0.1:11434/v1/chat/completions | ollama",
            "\"baseURL\": \"https://llm.internal.example/v1\",          | https://llm.internal.example/v1/chat/completions | llm",
            "api_base = \"http://gpu-box:8000/v1/chat/completions\"     | http://gpu-box:8000/v1/chat/completions | llm",
            "llm.url=http://localhost:11434/api                         | http://localhost:11434/v1/chat/completions | ollama",
            "server: localhost:11434                                     | http://localhost:11434/v1/chat/completions | ollama",
            "OPENAI_BASE_URL=https://user:pw@proxy.example/v1?key=abc#x | https://proxy.example/v1/chat/completions | openai",
    })
    void recognisesEndpointSettingsAndUrls(String line, String url, String provider) {
        assertThat(scan(line)).singleElement().satisfies(e -> {
            assertThat(e.url()).hasToString(url);
            assertThat(e.provider()).isEqualTo(provider);
        });
    }

    @Test
    void ignoresCommentsVariablesAndOrdinaryUrls() {
        assertThat(scan("""
                # OPENAI_BASE_URL=http://127.0.0.1:1/v1
                // "url": "http://127.0.0.1:2/v1"
                OPENAI_BASE_URL=${BASE}
                homepage: https://example.com/docs
                """)).isEmpty();
    }

    @Test
    void keepsTheKeyVariableOfTheSameProvider() {
        List<Discovery.Endpoint> found = scan("""
                HF_TOKEN=hf_abc
                ANTHROPIC_API_KEY=sk-ant-xyz
                OPENAI_API_KEY=sk-abc
                OPENAI_BASE_URL=http://127.0.0.1:9/v1
                ANTHROPIC_BASE_URL=http://127.0.0.1:10
                """);
        assertThat(found).extracting(e -> e.apiKeyVariable().orElse("-")).containsExactly("OPENAI_API_KEY", "ANTHROPIC_API_KEY");
        assertThat(found.toString()).doesNotContain("sk-abc").doesNotContain("sk-ant-xyz");
    }

    @Test
    void oneEndpointPerUrlAndLinesAreBounded() {
        String longLine = "x=" + "a".repeat(100_000) + " http://127.0.0.1:1/v1";
        assertThat(scan("a: http://127.0.0.1:3/v1\nb: http://127.0.0.1:3/v1/\n" + longLine)).singleElement()
                .satisfies(e -> assertThat(e.line()).isEqualTo(1));
    }
}
