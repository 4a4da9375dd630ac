package dev.bulwark.core.scope;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Any HTTP endpoint that answers a prompt: {@code request} is a body template whose {@code {{prompt}}} is replaced
 * by the (JSON-escaped) prompt, {@code responsePath} a JSONPath to the reply text. {@code stream}: the reply is
 * server-sent events, {@code responsePath} applies to each {@code data:} event and the pieces are joined.
 * {@code session}: a login to make first; its variables fill {@code {{name}}} in {@code headers} and {@code request}.
 */
public record HttpTarget(String id, URI url, String method, String request, String responsePath,
                         Map<String, String> headers, Optional<Auth> auth, List<String> systemPromptCanaries,
                         List<String> assets, boolean stream, Optional<SessionRecipe> session) implements PromptTarget {
    public static final String DEFAULT_METHOD = "POST";
    public static final String DEFAULT_REQUEST = "{\"prompt\": \"{{prompt}}\"}";
    public static final String DEFAULT_RESPONSE_PATH = "$";
    /** The placeholder a request template must contain. */
    public static final String PROMPT_PLACEHOLDER = "{{prompt}}";

    public HttpTarget {
        headers = Map.copyOf(headers);
        systemPromptCanaries = List.copyOf(systemPromptCanaries);
        assets = List.copyOf(assets);
        session = session == null ? Optional.empty() : session;
    }

    /** A target without streaming or session. */
    public HttpTarget(String id, URI url, String method, String request, String responsePath,
                      Map<String, String> headers, Optional<Auth> auth, List<String> systemPromptCanaries,
                      List<String> assets) {
        this(id, url, method, request, responsePath, headers, auth, systemPromptCanaries, assets, false,
                Optional.empty());
    }

    @Override
    public TargetKind kind() {
        return TargetKind.HTTP;
    }
}
