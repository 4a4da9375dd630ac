package dev.bulwark.guard.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.config.OutputPolicy.ToolCallAction;
import java.util.Set;

/**
 * The functions a reply calls, held to those the request offered ({@code policies.output.toolCalls}). A model may
 * name a function it was never given (a hallucination, or an injected instruction that spells one out), and an app
 * that dispatches tool calls by name would run it; with {@code roles[].tools} the request could only offer what the
 * caller's role allows, so this also keeps the reply inside the role. Only calls that carry a name are judged: a
 * streamed call names its function in its first delta. One per reply; not thread-safe.
 */
final class ToolCallGate {
    static final String DETECTOR = "tool-call";

    private final ToolCallAction action;
    private final Set<String> offered;
    private final DecisionTally tally;

    ToolCallGate(ToolCallAction action, Set<String> offered, DecisionTally tally) {
        this.action = action;
        this.offered = Set.copyOf(offered);
        this.tally = tally;
    }

    /** False when the reply must be withheld: {@code function} ({@code {name, arguments}}) names an unoffered function. */
    boolean admits(JsonNode function) {
        if (action == ToolCallAction.OFF || !(function instanceof ObjectNode fn)) return true;
        JsonNode name = fn.get("name");
        if (name == null || !name.isTextual() || name.asText().isEmpty() || offered.contains(name.asText())) return true;
        boolean block = action == ToolCallAction.BLOCK;
        // the name is not echoed: it may be the very instruction an attacker planted
        tally.add(DETECTOR, block ? "blocked" : "flagged", 1, 1.0, "reply called a function the request did not offer");
        return !block;
    }

    /** {@link #admits} for each call of a chat message or delta ({@code tool_calls[].function}, {@code function_call}). */
    boolean admitsCallsOf(ObjectNode message) {
        if (message.get("tool_calls") instanceof ArrayNode calls) {
            for (JsonNode call : calls) {
                if (!admits(call.get("function"))) return false;
            }
        }
        return admits(message.get("function_call"));
    }
}
