package dev.bulwark.kb;

import dev.bulwark.kb.CatalogEntry.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * OWASP Top 10 lists (ids and titles only). Ids as findings carry them: {@code LLM01} for the 2025 LLM list,
 * {@code LLM01:2026} for the 2026 list, {@code ML01} for the ML 2023 list.
 */
record OwaspCatalog(List<CatalogEntry> llm2025, List<CatalogEntry> llm2026, List<CatalogEntry> ml2023) {
    static final String FILE = "owasp-ai-top10.csv";
    static final String LLM_LIST_URL = "https://genai.owasp.org/llm-top-10/";
    static final String ML_SITE = "https://owasp.org/www-project-machine-learning-security-top-10/";

    static OwaspCatalog load() {
        var llm2025 = new ArrayList<CatalogEntry>();
        var llm2026 = new ArrayList<CatalogEntry>();
        var ml2023 = new ArrayList<CatalogEntry>();
        for (var row : Csv.read(FILE)) {
            String raw = row.get("id");
            String edition = row.get("edition");
            String list = row.get("list");
            String description = list + " " + edition;
            if (raw.startsWith("LLM") && edition.equals("2025")) {
                llm2025.add(new CatalogEntry(Catalog.OWASP_LLM_2025, stripEdition(raw), row.get("name"), description, LLM_LIST_URL));
            } else if (raw.startsWith("LLM") && edition.equals("2026")) {
                llm2026.add(new CatalogEntry(Catalog.OWASP_LLM_2026, raw, row.get("name"), description, LLM_LIST_URL));
            } else if (raw.startsWith("ML") && edition.equals("2023")) {
                ml2023.add(new CatalogEntry(Catalog.OWASP_ML_2023, stripEdition(raw), row.get("name"), description,
                        ML_SITE + mlPage(row.get("source_file"))));
            } else {
                throw new IllegalStateException(FILE + ": unexpected list entry " + raw + " (" + edition + ")");
            }
        }
        return new OwaspCatalog(List.copyOf(llm2025), List.copyOf(llm2026), List.copyOf(ml2023));
    }

    private static String stripEdition(String id) {
        int colon = id.indexOf(':');
        return colon < 0 ? id : id.substring(0, colon);
    }

    /** The ML Top 10 site renders {@code docs/ML01_2023-….md} at {@code docs/ML01_2023-…}. */
    private static String mlPage(String sourceFile) {
        String s = sourceFile.toLowerCase(Locale.ROOT).endsWith(".md")
                ? sourceFile.substring(0, sourceFile.length() - 3) : sourceFile;
        return s;
    }
}
