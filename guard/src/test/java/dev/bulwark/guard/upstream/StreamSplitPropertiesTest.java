package dev.bulwark.guard.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.config.Upstream;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.UpstreamAdapter;
import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamDecoder;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any split of a recorded upstream stream gives the same chunk sequence as the whole, for every flavor. */
class StreamSplitPropertiesTest {
    enum Recorded {
        OPENAI("openai-chat.sse", Upstream.Flavor.OPENAI),
        AZURE("azure-chat.sse", Upstream.Flavor.AZURE),
        ANTHROPIC_TEXT("anthropic-chat.sse", Upstream.Flavor.ANTHROPIC),
        ANTHROPIC_TOOLS("anthropic-tools.sse", Upstream.Flavor.ANTHROPIC),
        OLLAMA("ollama-chat.ndjson", Upstream.Flavor.OLLAMA);

        final String file;
        final Upstream.Flavor flavor;

        Recorded(String file, Upstream.Flavor flavor) {
            this.file = file;
            this.flavor = flavor;
        }

        StreamDecoder decoder() {
            UpstreamAdapter adapter = switch (flavor) {
                case ANTHROPIC -> new AnthropicAdapter(Fixtures.STAMPS);
                case OLLAMA -> new OllamaAdapter(Fixtures.STAMPS);
                default -> UpstreamAdapters.forFlavor(flavor);
            };
            return adapter.streamDecoder(Route.CHAT, "requested-model");
        }
    }

    @Property(tries = 400)
    void anySplitGivesTheSameChunks(@ForAll Recorded recorded, @ForAll("cuts") int[] cuts) throws Exception {
        byte[] bytes = Fixtures.resource(recorded.file);
        List<String> whole = Fixtures.decode(recorded.decoder(), bytes);
        List<String> split = Fixtures.decode(recorded.decoder(), bytes, cuts);
        assertThat(split).isEqualTo(whole);
        Fixtures.assertWellFormedChatStream(split);
    }

    @Property(tries = 50)
    void crLfLineEndsGiveTheSameChunks(@ForAll Recorded recorded, @ForAll("cuts") int[] cuts) throws Exception {
        byte[] bytes = Fixtures.resource(recorded.file);
        byte[] crlf = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Fixtures.decode(recorded.decoder(), crlf, cuts)).isEqualTo(Fixtures.decode(recorded.decoder(), bytes));
    }

    @Provide
    Arbitrary<int[]> cuts() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).array(int[].class).ofMaxSize(40);
    }
}
