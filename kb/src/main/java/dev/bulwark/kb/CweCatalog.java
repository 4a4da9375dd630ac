package dev.bulwark.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.kb.CatalogEntry.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CWE weaknesses: the CWE 4.16 list, completed by the AI-relevant ids checked against newer CWE releases
 * (e.g. CWE-1434, added after 4.16). Ids are {@code CWE-n}.
 */
final class CweCatalog {
    static final String WEAKNESSES = "cwe-weaknesses-4.16.json";
    static final String AI_RELEVANT = "cwe-ai-relevant.csv";
    private static final Pattern NAME = Pattern.compile("(CWE-\\d{1,6}):\\s*(.+)", Pattern.DOTALL);

    private CweCatalog() {
    }

    static Map<String, CatalogEntry> load(ObjectMapper json) {
        var entries = new LinkedHashMap<String, CatalogEntry>();
        try (InputStream in = BundledResource.open(WEAKNESSES)) {
            for (JsonNode node : json.readTree(in)) {
                var m = NAME.matcher(node.path("name").asText(""));
                if (!m.matches()) throw new IllegalStateException(WEAKNESSES + ": unexpected name " + node.path("name"));
                entries.put(m.group(1), entry(m.group(1), m.group(2).trim(), node.path("description").asText("")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + WEAKNESSES, e);
        }
        for (var row : Csv.read(AI_RELEVANT)) {
            entries.putIfAbsent(row.get("id"), entry(row.get("id"), row.get("name"), ""));
        }
        return entries;
    }

    static String url(String id) {
        return "https://cwe.mitre.org/data/definitions/" + id.substring("CWE-".length()) + ".html";
    }

    private static CatalogEntry entry(String id, String name, String description) {
        return new CatalogEntry(Catalog.CWE, id, name, description, url(id));
    }
}
