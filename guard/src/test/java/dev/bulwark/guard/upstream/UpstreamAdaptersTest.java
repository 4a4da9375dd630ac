package dev.bulwark.guard.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.config.Upstream;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.UpstreamAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UpstreamAdaptersTest {
    @ParameterizedTest
    @EnumSource(Upstream.Flavor.class)
    void everyFlavorHasOneSharedAdapterWithFreshDecoders(Upstream.Flavor flavor) {
        UpstreamAdapter adapter = UpstreamAdapters.forFlavor(flavor);
        assertThat(adapter).isNotNull().isSameAs(UpstreamAdapters.forFlavor(flavor));
        assertThat(adapter.streamDecoder(Route.CHAT, "m")).isNotSameAs(adapter.streamDecoder(Route.CHAT, "m"));
    }

    @Test
    void flavorsGetTheirOwnAdapters() {
        assertThat(UpstreamAdapters.forFlavor(Upstream.Flavor.OPENAI)).isInstanceOf(OpenAiAdapter.class);
        assertThat(UpstreamAdapters.forFlavor(Upstream.Flavor.AZURE)).isInstanceOf(AzureAdapter.class);
        assertThat(UpstreamAdapters.forFlavor(Upstream.Flavor.ANTHROPIC)).isInstanceOf(AnthropicAdapter.class);
        assertThat(UpstreamAdapters.forFlavor(Upstream.Flavor.OLLAMA)).isInstanceOf(OllamaAdapter.class);
    }
}
