package dev.bulwark.guard.config;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * A model server the gateway forwards to.
 *
 * @param flavor     the API it speaks; requests always arrive OpenAI-style and are translated
 * @param auth       header the gateway adds (the client's own credentials are never forwarded), or null
 * @param models     models routed here ({@code "*"} or empty: any model not claimed by another upstream)
 * @param apiVersion Azure OpenAI's {@code api-version} query parameter (Azure only)
 * @param trustedCertificates for an https upstream, certificates trusted besides the system's authorities (an
 *                   internal CA, a self-signed model server); host names are still verified
 */
public record Upstream(String id, URI url, Flavor flavor, HeaderValue auth, List<String> models, Duration timeout,
                       String apiVersion, List<X509Certificate> trustedCertificates) {
    public Upstream {
        models = List.copyOf(models);
        trustedCertificates = List.copyOf(trustedCertificates);
    }

    /** An upstream trusting the system's authorities only. */
    public Upstream(String id, URI url, Flavor flavor, HeaderValue auth, List<String> models, Duration timeout,
                    String apiVersion) {
        this(id, url, flavor, auth, models, timeout, apiVersion, List.of());
    }

    public enum Flavor {
        /** OpenAI and every server that copies its API (vLLM, llama.cpp server, LiteLLM, Ollama's /v1). */
        OPENAI,
        /** Azure OpenAI: deployments in the path, {@code api-key} header, {@code api-version} parameter. */
        AZURE,
        /** Anthropic's messages API, translated from and to chat completions. */
        ANTHROPIC,
        /** Ollama's native {@code /api/chat}, translated from and to chat completions. */
        OLLAMA
    }
}
