package dev.bulwark.guard.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.OutputFilter;
import dev.bulwark.guard.pipeline.Pseudonyms;
import dev.bulwark.guard.pipeline.Refusal;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.StreamFilter;
import java.util.ArrayList;
import java.util.Set;

/**
 * Filters whole replies (chat: each choice's {@code message.content}, string or parts, and its tool call arguments;
 * completions: {@code choices[].text}) and hands out one {@link GuardStreamFilter} per streamed reply. A withheld
 * reply is rewritten in place the way a streamed one ends ({@link Refusals#WITHHELD}, finish reason
 * {@code content_filter}) and reported blocked with {@link Refusals#replyWithheld()}, so the server may send either.
 * A chat reply that calls a function the request did not offer is withheld the same way ({@link ToolCallGate}). A
 * scanner that throws withholds the reply (output fails closed). Thread-safe.
 */
final class GuardOutputFilter implements OutputFilter {
    /** The audit's copy of the reply text is cut here; the reply itself is not. */
    static final int MAX_AUDIT_TEXT = 1 << 16;

    private final OutputRules rules;

    GuardOutputFilter(OutputRules rules) {
        this.rules = rules;
    }

    /** Every output rule is deterministic: small replies are filtered on the event loop. */
    @Override
    public boolean cheapFor(long replyBytes) {
        return replyBytes <= Filters.CHEAP_MAX_BYTES;
    }

    @Override
    public OutputVerdict inspect(Route route, ObjectNode response, Set<String> offeredTools, Pseudonyms pseudonyms) {
        var tally = new DecisionTally("output");
        var tools = new ToolCallGate(rules.toolCalls(), offeredTools, tally);
        var text = new StringBuilder();
        var released = new ArrayList<String>();
        JsonNode choices = response.get("choices");
        if ((route != Route.CHAT && route != Route.COMPLETIONS) || !(choices instanceof ArrayNode array)) {
            return new OutputVerdict(false, null, response, tally.decisions(), "");
        }
        try {
            boolean blocked = false;
            int logprobs = 0;
            for (JsonNode choice : array) {
                if (!(choice instanceof ObjectNode c)) continue;
                if (route == Route.CHAT && c.get("message") instanceof ObjectNode message && !tools.admitsCallsOf(message)) {
                    blocked = true;
                    break;
                }
                if (!rules.allowLogprobs() && c.has("logprobs") && !c.get("logprobs").isNull()) {
                    c.remove("logprobs");
                    logprobs++;
                }
                for (ReplyText.Slot slot : ReplyText.slots(route, c)) {
                    OutputRules.Filtered f = rules.whole(slot.get(), tally, slot.rendered());
                    if (f.blocked()) {
                        blocked = true;
                        break;
                    }
                    String sent = slot.rendered() && !pseudonyms.isEmpty()
                            ? PseudonymRestore.whole(pseudonyms, f.text(), tally) : f.text();
                    slot.set(sent);
                    if (slot.rendered() && text.length() < MAX_AUDIT_TEXT) text.append(sent);
                    if (slot.rendered()) released.add(sent);
                }
                if (blocked) break;
            }
            if (logprobs > 0) tally.add("logprobs", "stripped", logprobs, 1.0, "");
            if (blocked) return withheld(route, response, tally);
            return new OutputVerdict(false, null, response, tally.decisions(), cut(text), released);
        } catch (RuntimeException scannerFailed) {
            tally.add("scanner-error", "blocked", 1, 1.0, scannerFailed.getClass().getSimpleName());
            withhold(route, response);
            return new OutputVerdict(true, Refusal.scannerError(), response, tally.decisions(), "");
        }
    }

    @Override
    public StreamFilter stream(Route route, Set<String> offeredTools, Pseudonyms pseudonyms) {
        return new GuardStreamFilter(rules, route, offeredTools, pseudonyms);
    }

    private static OutputVerdict withheld(Route route, ObjectNode response, DecisionTally tally) {
        withhold(route, response);
        return new OutputVerdict(true, Refusals.replyWithheld(), response, tally.decisions(), Refusals.WITHHELD);
    }

    /** Every choice becomes the withheld notice, as Azure OpenAI's content filter reports it. */
    private static void withhold(Route route, ObjectNode response) {
        ArrayNode choices = JsonNodeFactory.instance.arrayNode();
        ObjectNode choice = choices.addObject().put("index", 0);
        if (route == Route.CHAT) {
            choice.putObject("message").put("role", "assistant").put("content", Refusals.WITHHELD);
        } else {
            choice.put("text", Refusals.WITHHELD);
        }
        choice.put("finish_reason", "content_filter");
        response.set("choices", choices);
    }

    private static String cut(StringBuilder text) {
        return text.length() <= MAX_AUDIT_TEXT ? text.toString() : text.substring(0, MAX_AUDIT_TEXT);
    }
}
