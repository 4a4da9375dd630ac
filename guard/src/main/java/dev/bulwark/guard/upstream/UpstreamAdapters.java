package dev.bulwark.guard.upstream;

import dev.bulwark.guard.config.Upstream;
import dev.bulwark.guard.pipeline.UpstreamAdapter;

/**
 * The {@link UpstreamAdapter} for each {@link Upstream.Flavor}: stateless singletons, safe to share across threads
 * (each stream gets its own decoder).
 *
 * <p>What the adapters throw, and what the proxy makes of it: {@link UnsupportedRequestException} from
 * {@code request} (an OpenAI feature the upstream lacks, e.g. embeddings on Anthropic, models on Azure, remote images
 * on Ollama, {@code n > 1}) → 400 with its message; {@link UpstreamReplyException} from {@code response} (the reply
 * is not the documented shape) → 502; {@link UpstreamAdapter.StreamFormatException} from a decoder (broken stream,
 * bound exceeded, an error event) → the stream ends with a clean error.
 */
public final class UpstreamAdapters {
    private UpstreamAdapters() {
    }

    public static UpstreamAdapter forFlavor(Upstream.Flavor flavor) {
        return switch (flavor) {
            case OPENAI -> OpenAiAdapter.INSTANCE;
            case AZURE -> AzureAdapter.INSTANCE;
            case ANTHROPIC -> AnthropicAdapter.INSTANCE;
            case OLLAMA -> OllamaAdapter.INSTANCE;
        };
    }
}
