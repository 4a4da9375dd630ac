package dev.bulwark.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FindingFingerprintTest {

    private static String fingerprint(String url, String rootCause) {
        return Finding.builder("llm.prompt-injection", WeaknessClass.DIRECT_PROMPT_INJECTION)
                .title("t").target("bot").location(Location.ofUrl(url)).rootCause(rootCause).build().fingerprint();
    }

    @Test
    void aRetestOfTheSameTargetOnAnotherPortKeepsTheFingerprint() {
        assertThat(fingerprint("http://127.0.0.1:41725/v1/chat/completions", "x"))
                .isEqualTo(fingerprint("http://127.0.0.1:39001/v1/chat/completions", "x"));
    }

    @Test
    void anotherPathOrRootCauseIsAnotherFinding() {
        String base = fingerprint("http://127.0.0.1:1/v1/chat/completions", "x");
        assertThat(fingerprint("http://127.0.0.1:1/api/ask", "x")).isNotEqualTo(base);
        assertThat(fingerprint("http://127.0.0.1:1/v1/chat/completions", "y")).isNotEqualTo(base);
        assertThat(base).startsWith("sha256:").hasSize("sha256:".length() + 64);
    }
}
