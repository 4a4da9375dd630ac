package dev.bulwark.core.scope;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** An OpenAI-compatible chat-completions endpoint. */
public record LlmChatTarget(String id, URI url, String model, Optional<Auth> auth, List<String> systemPromptCanaries,
                            List<String> assets) implements PromptTarget {
    public LlmChatTarget {
        systemPromptCanaries = List.copyOf(systemPromptCanaries);
        assets = List.copyOf(assets);
    }

    @Override
    public TargetKind kind() {
        return TargetKind.LLM_CHAT;
    }
}
