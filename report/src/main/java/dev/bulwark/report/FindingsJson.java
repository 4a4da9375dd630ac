package dev.bulwark.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.correlate.Assessment;
import dev.bulwark.report.ReportWriter.ToolInfo;
import dev.bulwark.report.json.FindingsDocument;
import dev.bulwark.report.json.FindingsDocument.FindingEntry;
import dev.bulwark.report.json.FindingsMapper;
import dev.bulwark.report.json.JsonSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

/** Writes and reads {@code findings.json} ({@code bulwark/findings/v1}). */
public final class FindingsJson {
    private FindingsJson() {
    }

    public static FindingsDocument toDocument(Assessment assessment, ToolInfo tool) {
        return FindingsMapper.toDocument(assessment, tool);
    }

    public static String toJson(FindingsDocument document) {
        try {
            return JsonSupport.mapper().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize findings document", e);
        }
    }

    public static Path write(FindingsDocument document, Path file) throws IOException {
        return AtomicFiles.write(file, out -> JsonSupport.mapper().writeValue(out, document));
    }

    /**
     * Reads and checks a findings file. Unknown fields are ignored (later v1 writers may add some); missing
     * required fields, wrong types, unknown labels and duplicate fingerprints are errors naming the field.
     */
    public static FindingsDocument read(Path file) throws FindingsFileException {
        JsonNode tree = readTree(file);
        requireShape(file, tree);
        FindingsDocument document;
        try {
            document = JsonSupport.mapper().treeToValue(tree, FindingsDocument.class);
        } catch (JsonMappingException e) {
            throw new FindingsFileException(file, pathOf(e) + e.getOriginalMessage(), e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new FindingsFileException(file, e.getMessage(), e);
        }
        requireFindings(file, document.findings());
        return document;
    }

    private static JsonNode readTree(Path file) throws FindingsFileException {
        try {
            if (Files.size(file) > JsonSupport.MAX_FILE_BYTES) {
                throw new FindingsFileException(file, "larger than " + JsonSupport.MAX_FILE_BYTES + " bytes");
            }
            try (InputStream in = Files.newInputStream(file)) {
                JsonNode tree = JsonSupport.mapper().readTree(in);
                if (tree == null || tree.isMissingNode()) throw new FindingsFileException(file, "empty file");
                return tree;
            }
        } catch (FindingsFileException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new FindingsFileException(file, "no such file", e);
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            String at = where == null ? "" : "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": ";
            throw new FindingsFileException(file, at + "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FindingsFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static void requireShape(Path file, JsonNode tree) throws FindingsFileException {
        if (!tree.isObject()) throw new FindingsFileException(file, "expected a JSON object at the top level");
        JsonNode schema = tree.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new FindingsFileException(file, "schema: missing (expected \"" + FindingsDocument.SCHEMA + "\")");
        }
        if (!FindingsDocument.SCHEMA.equals(schema.asText())) {
            throw new FindingsFileException(file, "schema: expected \"" + FindingsDocument.SCHEMA + "\" but found \""
                    + schema.asText() + "\"");
        }
        JsonNode findings = tree.get("findings");
        if (findings == null || !findings.isArray()) {
            throw new FindingsFileException(file, "findings: missing or not an array");
        }
        for (int i = 0; i < findings.size(); i++) {
            JsonNode f = findings.get(i);
            if (!f.isObject()) throw new FindingsFileException(file, "findings[" + i + "]: expected an object");
            for (String field : List.of("id", "fingerprint", "check", "title", "severity")) {
                JsonNode value = f.get(field);
                if (value == null || !value.isTextual() || value.asText().isBlank()) {
                    throw new FindingsFileException(file, "findings[" + i + "]." + field + ": missing or empty");
                }
            }
        }
    }

    private static void requireFindings(Path file, List<FindingEntry> findings) throws FindingsFileException {
        var seen = new HashMap<String, Integer>();
        for (int i = 0; i < findings.size(); i++) {
            Integer first = seen.putIfAbsent(findings.get(i).fingerprint(), i);
            if (first != null) {
                throw new FindingsFileException(file, "findings[" + i + "].fingerprint: same as findings[" + first
                        + "] (a v1 file lists each root cause once)");
            }
        }
    }

    /** {@code findings[2].severity: } from Jackson's reference chain. */
    private static String pathOf(JsonMappingException e) {
        var out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) out.append('.');
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "" : out + ": ";
    }
}
