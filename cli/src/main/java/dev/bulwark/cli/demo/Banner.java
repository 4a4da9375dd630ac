package dev.bulwark.cli.demo;

/** The page at {@code GET /}: says plainly what this server is, so nobody mistakes it for a real model or shop. */
final class Banner {
    private Banner() {
    }

    static String text(boolean hardened) {
        return """
                Brightside Cycles — "Molly" support assistant
                SIMULATED TARGET: a deterministic rule-based simulator (model %s), not a language model.
                Mode: %s. %s
                Built into Bulwark so its checks can be tried safely; keep it on loopback.

                POST /v1/chat/completions   OpenAI-compatible chat completions (stream: true for SSE)
                GET  /v1/models
                POST /api/ask               {"q": "..."} -> {"answer": "..."}  (the website help form)
                GET  /health

                The planted weaknesses are listed in docs/demo.md.
                """.formatted(Molly.MODEL, hardened ? "hardened" : "vulnerable",
                hardened ? "Every planted weakness is fixed; the API needs a bearer key."
                        : "DELIBERATELY VULNERABLE: it leaks its prompt, obeys injected instructions and exposes"
                                + " fake customer data.");
    }
}
