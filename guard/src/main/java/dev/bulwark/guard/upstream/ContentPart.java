package dev.bulwark.guard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One part of an OpenAI message's {@code content}, as the translating adapters need it. */
sealed interface ContentPart {
    record Text(String text) implements ContentPart {
    }

    /** An inline image from a {@code data:image/...;base64,} URL. */
    record InlineImage(String mediaType, String base64) implements ContentPart {
    }

    /** An image the upstream would have to fetch itself. */
    record RemoteImage(String url) implements ContentPart {
    }

    /**
     * The parts of {@code content}: a string is one text part, null none; an array's text and image_url parts are
     * read, any other part type (audio, files) is refused.
     */
    static List<ContentPart> of(JsonNode content) {
        List<ContentPart> parts = new ArrayList<>();
        if (content == null || content.isNull()) return parts;
        if (content.isTextual()) {
            parts.add(new Text(content.textValue()));
            return parts;
        }
        if (!content.isArray()) throw new UnsupportedRequestException("message 'content' must be a string or an array of parts");
        for (JsonNode part : content) {
            String type = UpstreamJson.text(part, "type");
            if ("text".equals(type)) {
                String text = UpstreamJson.text(part, "text");
                if (text == null) throw new UnsupportedRequestException("a text part needs a 'text' string");
                parts.add(new Text(text));
            } else if ("image_url".equals(type)) {
                JsonNode image = part.get("image_url");
                String url = image != null && image.isTextual() ? image.textValue() : UpstreamJson.text(image, "url");
                if (url == null) throw new UnsupportedRequestException("an image_url part needs a 'url'");
                parts.add(image(url));
            } else {
                throw new UnsupportedRequestException("content parts of type '" + safe(type) + "' are not supported by this upstream");
            }
        }
        return parts;
    }

    /** The text parts joined by {@code separator}. */
    static String joinedText(List<ContentPart> parts, String separator) {
        StringBuilder text = new StringBuilder();
        for (ContentPart part : parts) {
            if (part instanceof Text t) {
                if (!text.isEmpty()) text.append(separator);
                text.append(t.text());
            }
        }
        return text.toString();
    }

    private static ContentPart image(String url) {
        if (url.regionMatches(true, 0, "data:", 0, 5)) {
            int comma = url.indexOf(',');
            String header = comma < 0 ? "" : url.substring(5, comma).toLowerCase(Locale.ROOT);
            if (comma < 0 || !header.endsWith(";base64") || !header.startsWith("image/")) {
                throw new UnsupportedRequestException("an inline image must be a data:image/...;base64, URL");
            }
            return new InlineImage(header.substring(0, header.length() - ";base64".length()), url.substring(comma + 1));
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) return new RemoteImage(url);
        throw new UnsupportedRequestException("an image URL must be https:// or a data: URL");
    }

    /** A client-given type name, shortened and reduced to plain characters before it goes into a message. */
    private static String safe(String type) {
        if (type == null) return "(none)";
        String cut = type.length() > 40 ? type.substring(0, 40) : type;
        return cut.replaceAll("[^A-Za-z0-9_.-]", "?");
    }
}
