package dev.bulwark.supply.deps.osv;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads OSV records from JSON (the OSV schema) or YAML (the PyPA advisory database's form of the same schema). Both
 * go through one tree mapping, so they cannot drift apart. Sizes, nesting and list lengths are bounded: records
 * come from downloads we do not control.
 */
public final class OsvParser {
    /** The largest record we read; real ones with long version lists stay under 2 MiB. */
    public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;
    private static final int MAX_DEPTH = 32;
    private static final int MAX_LIST = 200_000;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(constraints()).build());
    // An unquoted YAML scalar such as 1.10 would become the number 1.1; reading floats as exact decimals keeps "1.10".
    private static final ObjectMapper YAML = new ObjectMapper(yamlFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private OsvParser() {
    }

    /** Parses a record, telling JSON from YAML by its first non-blank character. */
    public static OsvRecord parse(byte[] bytes) throws InvalidRecordException {
        if (bytes.length > MAX_RECORD_BYTES) throw new InvalidRecordException("record larger than " + MAX_RECORD_BYTES + " bytes");
        JsonNode root;
        try {
            root = (looksLikeJson(bytes) ? JSON : YAML).readTree(bytes);
        } catch (JacksonException e) {
            throw new InvalidRecordException("not a JSON or YAML record: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException | RuntimeException e) {
            throw new InvalidRecordException("unreadable record: " + e.getMessage(), e);
        }
        return map(root);
    }

    private static boolean looksLikeJson(byte[] bytes) {
        for (byte b : bytes) {
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') continue;
            if ((b & 0xFF) == 0xEF) continue; // UTF-8 byte-order mark
            return b == '{';
        }
        return false;
    }

    static OsvRecord map(JsonNode root) throws InvalidRecordException {
        if (root == null || !root.isObject()) throw new InvalidRecordException("record is not an object");
        String id = text(root, "id");
        if (id.isEmpty()) throw new InvalidRecordException("record has no id");
        List<OsvAffected> affected = new ArrayList<>();
        for (JsonNode a : list(root, "affected")) affected.add(affected(a, id));
        List<String> references = new ArrayList<>();
        for (JsonNode r : list(root, "references")) {
            String url = text(r, "url");
            if (!url.isEmpty()) references.add(url);
        }
        List<String> cwes = new ArrayList<>();
        for (JsonNode c : list(root.path("database_specific"), "cwe_ids")) {
            String cwe = c.asText("").strip().toUpperCase(Locale.ROOT);
            if (cwe.matches("CWE-[0-9]{1,6}")) cwes.add(cwe);
        }
        return new OsvRecord(id, strings(root, "aliases"), text(root, "summary"), text(root, "details"),
                text(root, "published"), text(root, "modified"), text(root, "withdrawn"), severities(root), cwes,
                affected, references);
    }

    private static OsvAffected affected(JsonNode a, String id) throws InvalidRecordException {
        JsonNode p = a.path("package");
        var pkg = new OsvPackage(text(p, "ecosystem"), text(p, "name"), text(p, "purl"));
        List<OsvRange> ranges = new ArrayList<>();
        for (JsonNode r : list(a, "ranges")) {
            OsvRange.Type type = rangeType(text(r, "type"));
            List<OsvEvent> events = new ArrayList<>();
            for (JsonNode e : list(r, "events")) {
                OsvEvent event = event(e);
                if (event != null) events.add(event);
            }
            if (events.isEmpty()) throw new InvalidRecordException(id + ": a range without events");
            ranges.add(new OsvRange(type, text(r, "repo"), events));
        }
        return new OsvAffected(pkg, ranges, strings(a, "versions"), severities(a));
    }

    private static OsvRange.Type rangeType(String type) {
        return switch (type) {
            case "ECOSYSTEM" -> OsvRange.Type.ECOSYSTEM;
            case "SEMVER" -> OsvRange.Type.SEMVER;
            case "GIT" -> OsvRange.Type.GIT;
            default -> OsvRange.Type.UNKNOWN;
        };
    }

    /** An event has exactly one of its four keys; anything else (a future key) is skipped. */
    private static OsvEvent event(JsonNode e) {
        for (OsvEvent.Kind kind : OsvEvent.Kind.values()) {
            JsonNode v = e.get(kind.name().toLowerCase(Locale.ROOT));
            if (v != null && v.isValueNode() && !v.asText("").isBlank()) return new OsvEvent(kind, v.asText().strip());
        }
        return null;
    }

    private static List<OsvSeverity> severities(JsonNode node) throws InvalidRecordException {
        List<OsvSeverity> out = new ArrayList<>();
        for (JsonNode s : list(node, "severity")) {
            String type = text(s, "type");
            String score = text(s, "score");
            if (!type.isEmpty() && !score.isEmpty()) out.add(new OsvSeverity(type, score));
        }
        return out;
    }

    private static List<JsonNode> list(JsonNode node, String field) throws InvalidRecordException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw new InvalidRecordException("'" + field + "' is not a list");
        if (v.size() > MAX_LIST) throw new InvalidRecordException("'" + field + "' has more than " + MAX_LIST + " items");
        List<JsonNode> out = new ArrayList<>(v.size());
        v.forEach(out::add);
        return out;
    }

    private static List<String> strings(JsonNode node, String field) throws InvalidRecordException {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list(node, field)) {
            if (n.isValueNode() && !n.asText("").isBlank()) out.add(n.asText().strip());
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText("") : "";
    }

    private static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(100)
                .maxStringLength(MAX_RECORD_BYTES).build();
    }

    private static YAMLFactory yamlFactory() {
        var options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_RECORD_BYTES);
        options.setAllowDuplicateKeys(false);
        return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints()).build();
    }
}
