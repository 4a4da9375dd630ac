package dev.bulwark.guard.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.config.Action;
import dev.bulwark.guard.config.OutputPolicy;
import dev.bulwark.guard.config.OutputPolicy.HtmlAction;
import dev.bulwark.guard.config.OutputPolicy.ImageAction;
import dev.bulwark.guard.config.OutputPolicy.ToolCallAction;
import dev.bulwark.guard.pipeline.OutputFilter;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.StreamFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A reply may call only the functions its request offered (policies.output.toolCalls), whole or streamed. */
class ToolCallGateTest {
    private static final Set<String> OFFERED = Set.of("lookup_order");

    private static OutputFilter output(ToolCallAction action) {
        return Filters.output(new OutputPolicy(Action.REDACT, Action.REDACT, List.of(), null, ImageAction.STRIP_EXTERNAL,
                List.of(), HtmlAction.ESCAPE, false, action));
    }

    private static ObjectNode wholeCalling(String name) {
        return Replies.read("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
                + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\","
                + "\"arguments\":\"{\\\"order\\\":\\\"88213\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]}");
    }

    @Test
    void wholeReplyCallingAnOfferedFunctionPasses() {
        var v = output(ToolCallAction.BLOCK).inspect(Route.CHAT, wholeCalling("lookup_order"), OFFERED);
        assertThat(v.blocked()).isFalse();
        assertThat(v.response().at("/choices/0/message/tool_calls/0/function/name").asText()).isEqualTo("lookup_order");
        assertThat(v.decisions()).noneMatch(d -> d.detector().equals(ToolCallGate.DETECTOR));
    }

    @Test
    void wholeReplyCallingAnUnofferedFunctionIsWithheld() {
        var v = output(ToolCallAction.BLOCK).inspect(Route.CHAT, wholeCalling("refund_order"), OFFERED);
        assertThat(v.blocked()).isTrue();
        assertThat(v.refusal().code()).isEqualTo("content_filter");
        assertThat(v.response().toString()).doesNotContain("refund_order");
        assertThat(v.decisions()).anyMatch(d -> d.detector().equals(ToolCallGate.DETECTOR) && d.action().equals("blocked"));
        assertThat(v.decisions().toString()).doesNotContain("refund_order");
        // no tools offered at all: any call is unoffered
        assertThat(output(ToolCallAction.BLOCK).inspect(Route.CHAT, wholeCalling("lookup_order"), Set.of()).blocked())
                .isTrue();
    }

    @Test
    void legacyFunctionCallIsHeldToTheOfferedNamesToo() {
        ObjectNode reply = Replies.read("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
                + "\"function_call\":{\"name\":\"delete_customer\",\"arguments\":\"{}\"}},\"finish_reason\":\"function_call\"}]}");
        assertThat(output(ToolCallAction.BLOCK).inspect(Route.CHAT, reply, OFFERED).blocked()).isTrue();
    }

    @Test
    void flagLetsTheCallThroughAndRecordsIt() {
        var v = output(ToolCallAction.FLAG).inspect(Route.CHAT, wholeCalling("refund_order"), OFFERED);
        assertThat(v.blocked()).isFalse();
        assertThat(v.response().at("/choices/0/message/tool_calls/0/function/name").asText()).isEqualTo("refund_order");
        assertThat(v.decisions()).anyMatch(d -> d.detector().equals(ToolCallGate.DETECTOR) && d.action().equals("flagged"));
        var off = output(ToolCallAction.OFF).inspect(Route.CHAT, wholeCalling("refund_order"), OFFERED);
        assertThat(off.blocked()).isFalse();
        assertThat(off.decisions()).noneMatch(d -> d.detector().equals(ToolCallGate.DETECTOR));
    }

    /** Text first, then a call named in its first delta, its arguments in the next ones. */
    private static List<String> streamCalling(StreamFilter filter, String name) {
        var out = new ArrayList<String>();
        out.addAll(filter.onData(Replies.chunk("{\"role\":\"assistant\",\"content\":\"Let me check. \"}", null)));
        out.addAll(filter.onData(Replies.chunk("{\"content\":\"One moment.\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":\"\"}}]}", null)));
        if (filter.blocked()) return out;
        out.addAll(filter.onData(Replies.chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"order\\\":1}\"}}]}", null)));
        out.addAll(filter.onData(Replies.chunk("{}", "\"tool_calls\"")));
        out.addAll(filter.onData("[DONE]"));
        return out;
    }

    @Test
    void streamedCallToAnOfferedFunctionPasses() {
        StreamFilter filter = output(ToolCallAction.BLOCK).stream(Route.CHAT, OFFERED);
        List<String> out = streamCalling(filter, "lookup_order");
        assertThat(filter.blocked()).isFalse();
        assertThat(String.join("\n", out)).contains("lookup_order").contains("{\\\"order\\\":1}");
        assertThat(out).last().isEqualTo("[DONE]");
    }

    @Test
    void streamedCallToAnUnofferedFunctionEndsTheStreamWithoutSendingIt() {
        StreamFilter filter = output(ToolCallAction.BLOCK).stream(Route.CHAT, OFFERED);
        List<String> out = streamCalling(filter, "refund_order");
        assertThat(filter.blocked()).isTrue();
        assertThat(String.join("\n", out)).doesNotContain("refund_order").doesNotContain("tool_calls")
                .contains(Refusals.WITHHELD).contains("content_filter");
        assertThat(Replies.contentOf(out)).startsWith("Let me check. ");
        assertThat(out).last().isEqualTo("[DONE]");
        assertThat(filter.decisions()).anyMatch(d -> d.detector().equals(ToolCallGate.DETECTOR) && d.action().equals("blocked"));
    }
}
