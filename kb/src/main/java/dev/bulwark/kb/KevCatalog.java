package dev.bulwark.kb;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The CISA KEV catalog, keyed by upper-case CVE id. */
record KevCatalog(String catalogVersion, Map<String, KevEntry> entries) {
    static final String FILE = "known_exploited_vulnerabilities.json";

    static KevCatalog load(ObjectMapper json) {
        try (InputStream in = BundledResource.open(FILE)) {
            File file = json.readValue(in, File.class);
            var entries = new LinkedHashMap<String, KevEntry>();
            for (Row r : file.vulnerabilities()) {
                if (r.cveID() == null || r.cveID().isBlank()) continue;
                String id = r.cveID().trim().toUpperCase(Locale.ROOT);
                entries.put(id, new KevEntry(id, r.vendorProject(), r.product(), r.vulnerabilityName(), r.dateAdded(),
                        r.shortDescription(), r.requiredAction(), r.dueDate(), r.knownRansomwareCampaignUse(), r.cwes()));
            }
            return new KevCatalog(file.catalogVersion(), Collections.unmodifiableMap(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + FILE, e);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record File(String catalogVersion, List<Row> vulnerabilities) {
        File {
            vulnerabilities = vulnerabilities == null ? List.of() : vulnerabilities;
        }
    }

    /** The file's field names (e.g. {@code cveID}) stay here, out of the public {@link KevEntry}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Row(String cveID, String vendorProject, String product, String vulnerabilityName, String dateAdded,
               String shortDescription, String requiredAction, String dueDate, String knownRansomwareCampaignUse,
               List<String> cwes) {
    }
}
