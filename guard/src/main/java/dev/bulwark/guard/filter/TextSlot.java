package dev.bulwark.guard.filter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.detect.injection.TextSource;

/**
 * One text in a request body that a detector reads and a redaction may rewrite: a string field of an object, or a
 * string element of an array.
 *
 * @param role    the chat role it belongs to ({@code user}, {@code tool}, ...), or {@code prompt}/{@code input} for
 *                completions and embeddings
 * @param source  how the injection detector reads it; null when it is not scanned for injection
 * @param visible whether it is what the user asked (the prompt text for the extraction monitor and the audit)
 */
record TextSlot(ObjectNode owner, String field, ArrayNode array, int index, String role, TextSource source,
                boolean visible) {

    static TextSlot field(ObjectNode owner, String field, String role, TextSource source, boolean visible) {
        return new TextSlot(owner, field, null, -1, role, source, visible);
    }

    static TextSlot element(ArrayNode array, int index, String role, TextSource source, boolean visible) {
        return new TextSlot(null, null, array, index, role, source, visible);
    }

    String text() {
        return owner != null ? owner.get(field).asText() : array.get(index).asText();
    }

    void replace(String text) {
        if (owner != null) {
            owner.put(field, text);
        } else {
            array.set(index, array.textNode(text));
        }
    }
}
