package dev.bulwark.guard.pipeline;

import java.util.Optional;

/** The OpenAI-compatible routes the gateway serves; names are what roles list in {@code guard.yaml}. */
public enum Route {
    CHAT("chat", "/v1/chat/completions"),
    COMPLETIONS("completions", "/v1/completions"),
    EMBEDDINGS("embeddings", "/v1/embeddings"),
    MODELS("models", "/v1/models");

    private final String configName;
    private final String path;

    Route(String configName, String path) {
        this.configName = configName;
        this.path = path;
    }

    public String configName() {
        return configName;
    }

    public String path() {
        return path;
    }

    public static Optional<Route> ofConfigName(String name) {
        for (Route r : values()) if (r.configName.equals(name)) return Optional.of(r);
        return Optional.empty();
    }
}
