package dev.bulwark.core.scope;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Any HTTP endpoint that answers a prompt: {@code request} is a body template whose {@code {{prompt}}} is replaced
 * by the (JSON-escaped) prompt, {@code responsePath} a JSONPath to the reply text.
 */
public record HttpTarget(String id, URI url, String method, String request, String responsePath,
                         Map<String, String> headers, Optional<Auth> auth, List<String> systemPromptCanaries,
                         List<String> assets) implements PromptTarget {
    public static final String DEFAULT_METHOD = "POST";
    public static final String DEFAULT_REQUEST = "{\"prompt\": \"{{prompt}}\"}";
    public static final String DEFAULT_RESPONSE_PATH = "$";
    /** The placeholder a request template must contain. */
    public static final String PROMPT_PLACEHOLDER = "{{prompt}}";

    public HttpTarget {
        headers = Map.copyOf(headers);
        systemPromptCanaries = List.copyOf(systemPromptCanaries);
        assets = List.copyOf(assets);
    }

    @Override
    public TargetKind kind() {
        return TargetKind.HTTP;
    }
}
