package dev.bulwark.guard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.config.Upstream;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.UpstreamAdapter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Azure OpenAI: the model names the deployment in the path ({@code /openai/deployments/{model}/chat/completions}),
 * {@code api-version} is a query parameter and the body goes without {@code model}. Replies are OpenAI-shaped; the
 * adapter drops Azure's own {@code prompt_filter_results} / {@code content_filter_results} (the gateway filters, and
 * clients of an OpenAI API do not expect them) and the stream's first chunk with empty {@code choices} that only
 * carries them. {@link Route#MODELS} is not supported: a deployment list is a management-plane call, so the proxy
 * answers it from the configured models.
 */
final class AzureAdapter implements UpstreamAdapter {
    static final AzureAdapter INSTANCE = new AzureAdapter();
    /** The api-version used when the configuration gives none: the current GA data-plane version. */
    static final String DEFAULT_API_VERSION = "2024-10-21";

    private AzureAdapter() {
    }

    @Override
    public UpstreamRequest request(Route route, ObjectNode body, Upstream upstream, boolean stream) {
        String operation = switch (route) {
            case CHAT -> "chat/completions";
            case COMPLETIONS -> "completions";
            case EMBEDDINGS -> "embeddings";
            case MODELS -> throw new UnsupportedRequestException("the Azure OpenAI upstream lists no models; the gateway answers from its configuration");
        };
        String model = UpstreamJson.text(body, "model");
        if (model == null || model.isBlank()) throw new UnsupportedRequestException("'model' (the Azure deployment name) is required");
        String apiVersion = upstream.apiVersion() == null || upstream.apiVersion().isBlank() ? DEFAULT_API_VERSION : upstream.apiVersion();
        String path = "/openai/deployments/" + pathSegment(model) + "/" + operation + "?api-version=" + URLEncoder.encode(apiVersion, StandardCharsets.UTF_8);
        ObjectNode sent = OpenAiAdapter.withStreamFlag(route, body, stream).deepCopy();
        sent.remove("model");
        String accept = stream ? "text/event-stream" : UpstreamRequests.JSON;
        return new UpstreamRequest("POST", path, UpstreamRequests.headers(upstream, true, accept, Map.of()), UpstreamJson.bytes(sent));
    }

    @Override
    public ObjectNode response(Route route, ObjectNode upstreamBody, String model) {
        ObjectNode reply = upstreamBody.deepCopy();
        stripFilterResults(reply);
        return reply;
    }

    @Override
    public StreamDecoder streamDecoder(Route route, String model) {
        return new OpenAiSseDecoder(AzureAdapter::rewriteChunk);
    }

    /** Azure's chunk without its filter annotations; null for the annotations-only chunk Azure sends first. */
    static String rewriteChunk(String data) throws StreamFormatException {
        ObjectNode chunk = UpstreamJson.parseStreamObject(data);
        if (chunk.has("error")) throw new StreamFormatException("the upstream reported an error mid-stream");
        JsonNode choices = chunk.get("choices");
        if ((choices == null || choices.isEmpty()) && !chunk.hasNonNull("usage")) return null;
        stripFilterResults(chunk);
        if (choices != null) {
            for (JsonNode choice : choices) {
                if (choice instanceof ObjectNode c && !c.has("delta") && !c.has("text")) c.putObject("delta");
            }
        }
        return UpstreamJson.write(chunk);
    }

    private static void stripFilterResults(ObjectNode reply) {
        reply.remove("prompt_filter_results");
        JsonNode choices = reply.get("choices");
        if (choices == null) return;
        for (JsonNode choice : choices) {
            if (choice instanceof ObjectNode c) {
                c.remove("content_filter_results");
                c.remove("content_filter_offsets");
            }
        }
    }

    /** A deployment name as one path segment (no slashes, no query, percent-encoded). */
    private static String pathSegment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
