package dev.bulwark.guard.filter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.Decision;
import dev.bulwark.guard.pipeline.Pseudonyms;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.StreamFilter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Filters one streamed reply, OpenAI chunk by chunk ({@code chat.completion.chunk} or {@code text_completion}). Per
 * choice index, the content deltas form one text that runs through one {@link ReplyPipeline} (tool call arguments
 * through one each, without the markup rules); what a pipeline releases goes out in the chunk that released it,
 * with the chunk's id, model and created. Chunks with nothing to say after filtering are dropped, except role-only
 * and empty ones, which go out at once (time to first token). A choice's {@code finish_reason} chunk carries what
 * was still held for it. A leak, a blocked entity or a call to a function the request did not offer
 * ({@link ToolCallGate}; the call itself is not sent) ends the stream: a last chunk with {@link Refusals#WITHHELD} and
 * finish reason {@code content_filter}, then {@code [DONE]}. Bounded: payloads over {@value #MAX_PAYLOAD} chars or
 * that are not JSON end the stream, choices from index {@value #MAX_CHOICES} and tool calls from index
 * {@value #MAX_TOOL_CALLS} are dropped. Not thread-safe: one per stream.
 */
final class GuardStreamFilter implements StreamFilter {
    static final int MAX_PAYLOAD = 1 << 20;
    static final int MAX_CHOICES = 16;
    static final int MAX_TOOL_CALLS = 16;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build());

    private final OutputRules rules;
    private final Route route;
    private final DecisionTally tally = new DecisionTally("output");
    private final ToolCallGate tools;
    private final Map<Integer, Choice> choices = new TreeMap<>();
    private ObjectNode template;
    private boolean finished;
    private boolean blocked;
    private final Pseudonyms pseudonyms;

    GuardStreamFilter(OutputRules rules, Route route, Set<String> offeredTools) {
        this(rules, route, offeredTools, Pseudonyms.NONE);
    }

    /** @param pseudonyms the request's placeholders, put back in each choice's content as it streams */
    GuardStreamFilter(OutputRules rules, Route route, Set<String> offeredTools, Pseudonyms pseudonyms) {
        this.rules = rules;
        this.pseudonyms = pseudonyms;
        this.route = route == Route.COMPLETIONS ? Route.COMPLETIONS : Route.CHAT;
        this.tools = new ToolCallGate(rules.toolCalls(), offeredTools, tally);
    }

    @Override
    public List<String> onData(String data) {
        if (finished) return List.of();
        if (data == null || data.length() > MAX_PAYLOAD) {
            tally.add("size", "stripped", 1, 1.0, "stream event over limit");
            return finish();
        }
        String payload = data.strip();
        if (payload.equals("[DONE]")) return finish();
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (JsonProcessingException notJson) {
            return finish();
        }
        if (!(node instanceof ObjectNode chunk)) return finish();
        try {
            return filter(chunk);
        } catch (RuntimeException scannerFailed) {
            tally.add("scanner-error", "blocked", 1, 1.0, scannerFailed.getClass().getSimpleName());
            return block(new ArrayList<>(), JsonNodeFactory.instance.arrayNode());
        }
    }

    @Override
    public List<String> finish() {
        if (finished) return List.of();
        try {
            ArrayNode rest = JsonNodeFactory.instance.arrayNode();
            for (Choice choice : choices.values()) {
                if (choice.done) continue;
                ObjectNode out = JsonNodeFactory.instance.objectNode().put("index", choice.index);
                if (flush(choice, out)) return block(new ArrayList<>(), rest, out);
                if (!textOf(out).isEmpty() || holder(out).has("tool_calls")) rest.add(out);
            }
            var payloads = new ArrayList<String>();
            if (!rest.isEmpty()) payloads.add(write(chunkWith(rest)));
            payloads.add("[DONE]");
            finished = true;
            return payloads;
        } catch (RuntimeException scannerFailed) {
            tally.add("scanner-error", "blocked", 1, 1.0, scannerFailed.getClass().getSimpleName());
            return block(new ArrayList<>(), JsonNodeFactory.instance.arrayNode());
        }
    }

    @Override
    public boolean blocked() {
        return blocked;
    }

    @Override
    public List<Decision> decisions() {
        return tally.decisions();
    }

    @Override
    public List<String> releasedTexts() {
        if (blocked) return List.of();
        var texts = new ArrayList<String>(choices.size());
        for (Choice c : choices.values()) if (!c.sent.isEmpty()) texts.add(c.sent.toString());
        return texts;
    }

    @Override
    public String completionText() {
        var text = new StringBuilder();
        for (Choice c : choices.values()) {
            if (!text.isEmpty()) text.append('\n');
            text.append(c.sent);
        }
        if (blocked) text.append(Refusals.WITHHELD);
        return text.toString();
    }

    private List<String> filter(ObjectNode chunk) {
        rememberTemplate(chunk);
        JsonNode in = chunk.get("choices");
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        var payloads = new ArrayList<String>();
        if (in instanceof ArrayNode array) {
            for (JsonNode node : array) {
                if (!(node instanceof ObjectNode choice)) continue;
                int index = choice.path("index").asInt(0);
                if (index < 0 || index >= MAX_CHOICES) {
                    tally.add("schema", "stripped", 1, 1.0, "choice index over limit");
                    continue;
                }
                Choice state = choices.computeIfAbsent(index, Choice::new);
                if (state.done) continue;
                if (!rules.allowLogprobs() && choice.hasNonNull("logprobs")) {
                    choice.remove("logprobs");
                    tally.add("logprobs", "stripped", 1, 1.0, "");
                }
                if (filterChoice(state, choice)) return block(payloads, kept, choice);
                if (worthSending(choice)) kept.add(choice);
            }
        }
        boolean hadChoices = in instanceof ArrayNode array && !array.isEmpty();
        if (!kept.isEmpty() || chunk.hasNonNull("usage") || !hadChoices) {
            chunk.set("choices", kept);
            payloads.add(write(chunk));
        }
        return payloads;
    }

    /** Runs one incoming choice through its pipelines, in place; true when the stream must end. */
    private boolean filterChoice(Choice state, ObjectNode choice) {
        ObjectNode holder = holder(choice);
        String field = textField();
        JsonNode text = holder.get(field);
        state.hadText = text != null && text.isTextual() && !text.asText().isEmpty();
        if (state.hadText) {
            ReplyPipeline.Emission e = state.content.accept(text.asText());
            holder.put(field, e.text());
            state.sent(e.text());
            if (e.blocked()) return true;
        }
        if (route == Route.CHAT && !tools.admitsCallsOf(holder)) {
            holder.remove("tool_calls"); // the call must not go out with the text released before it
            holder.remove("function_call");
            return true;
        }
        if (holder.get("tool_calls") instanceof ArrayNode calls) {
            if (filterToolCalls(state, calls)) return true;
            if (calls.isEmpty()) {
                holder.remove("tool_calls");
                state.hadText = true;
            }
        }
        if (choice.hasNonNull("finish_reason")) return flush(state, choice);
        return false;
    }

    private boolean filterToolCalls(Choice state, ArrayNode calls) {
        for (Iterator<JsonNode> it = calls.elements(); it.hasNext(); ) {
            if (!(it.next() instanceof ObjectNode call)) continue;
            int t = call.path("index").asInt(0);
            if (t < 0 || t >= MAX_TOOL_CALLS) {
                it.remove();
                tally.add("schema", "stripped", 1, 1.0, "tool call index over limit");
                continue;
            }
            if (!(call.get("function") instanceof ObjectNode fn) || !fn.path("arguments").isTextual()) continue;
            ReplyPipeline.Emission e = state.tool(t).accept(fn.get("arguments").asText());
            fn.put("arguments", e.text());
            if (e.blocked()) return true;
            if (e.text().isEmpty() && !call.has("id") && fn.size() == 1) it.remove();
        }
        return false;
    }

    /** Releases everything held for a choice into {@code choice}; true when that ended the stream. */
    private boolean flush(Choice state, ObjectNode choice) {
        state.done = true;
        ObjectNode holder = holder(choice);
        String field = textField();
        ReplyPipeline.Emission e = state.content.finish();
        if (!e.text().isEmpty()) {
            holder.put(field, textOf(choice) + e.text());
            state.sent(e.text());
        }
        if (e.blocked()) return true;
        for (Map.Entry<Integer, ReplyPipeline> tool : state.tools.entrySet()) {
            ReplyPipeline.Emission t = tool.getValue().finish();
            if (!t.text().isEmpty()) appendArguments(holder, tool.getKey(), t.text());
            if (t.blocked()) return true;
        }
        return false;
    }

    private static void appendArguments(ObjectNode holder, int index, String text) {
        ArrayNode calls = holder.get("tool_calls") instanceof ArrayNode a ? a : holder.putArray("tool_calls");
        for (JsonNode call : calls) {
            if (call instanceof ObjectNode c && c.path("index").asInt(0) == index
                    && c.get("function") instanceof ObjectNode fn) {
                fn.put("arguments", fn.path("arguments").asText("") + text);
                return;
            }
        }
        calls.addObject().put("index", index).putObject("function").put("arguments", text);
    }

    /** Drops a choice whose text was all held back and that carries nothing else. */
    private boolean worthSending(ObjectNode choice) {
        if (choice.hasNonNull("finish_reason")) return true;
        ObjectNode holder = holder(choice);
        if (!textOf(choice).isEmpty()) return true;
        boolean textWasHeld = choices.get(choice.path("index").asInt(0)).hadText;
        if (!textWasHeld) return true;
        if (route == Route.COMPLETIONS) return false;
        for (Iterator<String> names = holder.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(textField()) && !holder.get(name).isNull()) return true;
        }
        return false;
    }

    /**
     * Ends the stream: what was released before the cause (in {@code cause}'s choice, without its finish reason), then
     * the withheld notice for every open choice, then {@code [DONE]}.
     */
    private List<String> block(List<String> payloads, ArrayNode kept, ObjectNode... cause) {
        for (ObjectNode c : cause) {
            c.remove("finish_reason");
            if (!textOf(c).isEmpty()) kept.add(c);
        }
        if (!kept.isEmpty()) payloads.add(write(chunkWith(kept)));
        ArrayNode notices = JsonNodeFactory.instance.arrayNode();
        for (Choice c : choices.values()) if (!c.done || cause.length > 0 && c.index == cause[0].path("index").asInt(0)) notices.add(notice(c.index));
        if (notices.isEmpty()) notices.add(notice(0));
        payloads.add(write(chunkWith(notices)));
        payloads.add("[DONE]");
        blocked = true;
        finished = true;
        return payloads;
    }

    private ObjectNode notice(int index) {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("index", index);
        if (route == Route.CHAT) {
            n.putObject("delta").put("content", Refusals.WITHHELD);
        } else {
            n.put("text", Refusals.WITHHELD);
        }
        n.put("finish_reason", "content_filter");
        return n;
    }

    private ObjectNode holder(ObjectNode choice) {
        if (route == Route.COMPLETIONS) return choice;
        return choice.get("delta") instanceof ObjectNode d ? d : choice.putObject("delta");
    }

    private String textOf(ObjectNode choice) {
        JsonNode t = holder(choice).get(textField());
        return t != null && t.isTextual() ? t.asText() : "";
    }

    private String textField() {
        return route == Route.CHAT ? "content" : "text";
    }

    private void rememberTemplate(ObjectNode chunk) {
        ObjectNode t = JsonNodeFactory.instance.objectNode();
        for (String name : List.of("id", "object", "created", "model", "system_fingerprint")) {
            if (chunk.has(name)) t.set(name, chunk.get(name));
        }
        template = t;
    }

    private ObjectNode chunkWith(ArrayNode choiceNodes) {
        ObjectNode chunk = template != null ? template.deepCopy() : JsonNodeFactory.instance.objectNode()
                .put("object", route == Route.CHAT ? "chat.completion.chunk" : "text_completion");
        chunk.set("choices", choiceNodes);
        return chunk;
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON tree could not be written", e);
        }
    }

    /** The pipelines and state of one choice index. */
    private final class Choice {
        final int index;
        final ReplyPipeline content;
        final Map<Integer, ReplyPipeline> tools = new TreeMap<>();
        final StringBuilder sent = new StringBuilder();
        boolean done;
        boolean hadText;

        Choice(int index) {
            this.index = index;
            this.content = rules.pipeline(tally, true, pseudonyms);
        }

        ReplyPipeline tool(int t) {
            return tools.computeIfAbsent(t, k -> rules.pipeline(tally, false));
        }

        void sent(String text) {
            if (sent.length() < GuardOutputFilter.MAX_AUDIT_TEXT) sent.append(text);
        }
    }
}
