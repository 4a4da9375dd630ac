package dev.bulwark.core.scope;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An OpenAI-compatible chat-completions endpoint. {@code tools}: the functions the application gives the model
 * (empty: none known); {@code maxTokens}: the {@code max_tokens} Bulwark sends (empty: the client's default);
 * {@code prices}: what the owner pays per million tokens, when known; {@code stream}: ask for server-sent events
 * ({@code stream: true}) and read the reply from its {@code data:} chunks.
 */
public record LlmChatTarget(String id, URI url, String model, Optional<Auth> auth, List<String> systemPromptCanaries,
                            List<String> assets, List<ToolSpec> tools, OptionalInt maxTokens,
                            Optional<Prices> prices, boolean stream) implements PromptTarget {
    public LlmChatTarget {
        systemPromptCanaries = List.copyOf(systemPromptCanaries);
        assets = List.copyOf(assets);
        tools = tools == null ? List.of() : List.copyOf(tools);
        maxTokens = maxTokens == null ? OptionalInt.empty() : maxTokens;
        prices = prices == null ? Optional.empty() : prices;
        if (maxTokens.isPresent() && maxTokens.getAsInt() < 1) throw new IllegalArgumentException("maxTokens must be >= 1");
    }

    /** A target that does not stream. */
    public LlmChatTarget(String id, URI url, String model, Optional<Auth> auth, List<String> systemPromptCanaries,
                         List<String> assets, List<ToolSpec> tools, OptionalInt maxTokens, Optional<Prices> prices) {
        this(id, url, model, auth, systemPromptCanaries, assets, tools, maxTokens, prices, false);
    }

    /** A target without tools, token limit or prices (the fields every chat target has). */
    public LlmChatTarget(String id, URI url, String model, Optional<Auth> auth, List<String> systemPromptCanaries,
                         List<String> assets) {
        this(id, url, model, auth, systemPromptCanaries, assets, List.of(), OptionalInt.empty(), Optional.empty());
    }

    @Override
    public TargetKind kind() {
        return TargetKind.LLM_CHAT;
    }
}
