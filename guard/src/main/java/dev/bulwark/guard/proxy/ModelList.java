package dev.bulwark.guard.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.Decision;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The upstream's model list ({@code /v1/models}) cut to the models the caller may use: a key that may call one
 * model does not learn what else the account runs (fine-tuned models are often named after customers or projects).
 */
final class ModelList {
    private ModelList() {
    }

    /**
     * Removes from {@code list.data} every entry whose {@code id} {@code allowed} refuses (and entries without an
     * id); returns the decision to audit when any was removed.
     */
    static List<Decision> keepAllowed(ObjectNode list, Predicate<String> allowed) {
        if (!(list.get("data") instanceof ArrayNode entries)) return List.of();
        int removed = 0;
        for (Iterator<JsonNode> it = entries.iterator(); it.hasNext(); ) {
            JsonNode id = it.next().get("id");
            if (id == null || !id.isTextual() || !allowed.test(id.asText())) {
                it.remove();
                removed++;
            }
        }
        if (removed == 0) return List.of();
        return List.of(new Decision("output", "model-list", "redacted", 1, removed,
                "models this client may not use left out of the list"));
    }
}
