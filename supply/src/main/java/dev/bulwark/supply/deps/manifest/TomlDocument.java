package dev.bulwark.supply.deps.manifest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A TOML file read with jackson-dataformat-toml, plus line lookups on the text (that parser reports no token
 * locations): the lines of {@code [[table]]} headers in order, and the first line after a header holding a text.
 * Nesting is checked on the text before parsing, because the parser descends recursively.
 */
final class TomlDocument {
    private static final TomlMapper TOML = new TomlMapper();

    private final Path file;
    private final JsonNode root;
    private final String[] lines;

    private TomlDocument(Path file, JsonNode root, String[] lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    static TomlDocument read(Path file, ManifestLimits limits) throws IOException, ManifestException {
        String text = ManifestText.read(file, limits);
        checkNesting(file, text, limits.maxNesting());
        try {
            JsonNode root = TOML.readTree(text);
            return new TomlDocument(file, root == null ? TOML.createObjectNode() : root, text.split("\r\n|\r|\n", -1));
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            throw new ManifestException(file, line, "", "not valid TOML: " + e.getOriginalMessage(), e);
        } catch (StackOverflowError e) {
            throw new ManifestException(file, 0, "", "nested too deeply");
        }
    }

    JsonNode root() {
        return root;
    }

    Path file() {
        return file;
    }

    /** 1-based lines of every {@code [[name]]} header, in file order. */
    List<Integer> arrayTableLines(String name) {
        var out = new ArrayList<Integer>();
        String header = "[[" + name + "]]";
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().replace(" ", "").equals(header)) out.add(i + 1);
        }
        return out;
    }

    /** 1-based line of the {@code [name]} header, 0 when absent. */
    int tableLine(String name) {
        String header = "[" + name + "]";
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().replace(" ", "").equals(header)) return i + 1;
        }
        return 0;
    }

    /** First line at or after {@code from} (1-based) containing {@code needle}; {@code fallback} when none. */
    int lineContaining(String needle, int from, int fallback) {
        for (int i = Math.max(0, from - 1); i < lines.length; i++) {
            if (lines[i].contains(needle)) return i + 1;
        }
        return fallback;
    }

    /** The i-th element's header line of an array of tables, 0 when the text has fewer (inline arrays). */
    static int nth(List<Integer> headerLines, int i) {
        return i < headerLines.size() ? headerLines.get(i) : 0;
    }

    private static void checkNesting(Path file, String text, int max) throws ManifestException {
        int depth = 0;
        int line = 1;
        char quote = 0;
        boolean comment = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                comment = false;
                continue;
            }
            if (comment) continue;
            if (quote != 0) {
                if (c == '\\' && quote == '"') i++;
                else if (c == quote) quote = 0;
                continue;
            }
            switch (c) {
                case '#' -> comment = true;
                case '"', '\'' -> quote = c;
                case '[', '{' -> {
                    if (++depth > max) throw new ManifestException(file, line, "", "nested deeper than " + max);
                }
                case ']', '}' -> depth = Math.max(0, depth - 1);
                default -> { }
            }
        }
    }
}
