package dev.bulwark.detect.injection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;

/** How the trained files next to these classes are written, so that retraining reproduces them byte for byte. */
final class BundledJson {
    private static final ObjectMapper INDENTED = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BundledJson() {
    }

    /** {@code root} indented, with one trailing newline. */
    static String write(JsonNode root) {
        try {
            return INDENTED.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
