package dev.bulwark.detect.injection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The non-blank lines of a UTF-8 text file next to these tests: one prompt or document a line. */
final class TextLines {
    private TextLines() {
    }

    static List<String> of(String resource) {
        try (var in = TextLines.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing test resource " + resource);
            try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().filter(l -> !l.isBlank()).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
