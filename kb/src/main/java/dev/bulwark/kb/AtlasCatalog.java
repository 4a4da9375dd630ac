package dev.bulwark.kb;

import dev.bulwark.kb.CatalogEntry.Catalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MITRE ATLAS 5.6: tactics (in kill-chain order, the order of the tactics file), techniques and sub-techniques
 * (a sub-technique such as {@code AML.T0051.000} has no tactics of its own and inherits its parent's), and
 * mitigations with the techniques they address.
 */
record AtlasCatalog(List<CatalogEntry> tactics, Map<String, CatalogEntry> techniques,
                    Map<String, List<CatalogEntry>> tacticsByTechnique, Map<String, CatalogEntry> mitigations,
                    Map<String, List<String>> mitigationsByTechnique) {
    static final String TACTICS = "atlas-tactics-5.6.0.csv";
    static final String TECHNIQUES = "atlas-techniques-5.6.0.csv";
    static final String MITIGATIONS = "atlas-mitigations-5.6.0.csv";
    private static final String SITE = "https://atlas.mitre.org/";

    static AtlasCatalog load() {
        var tactics = new LinkedHashMap<String, CatalogEntry>();
        for (var row : Csv.read(TACTICS)) {
            String id = row.get("id");
            String attack = row.get("attack_ref");
            tactics.put(id, new CatalogEntry(Catalog.ATLAS_TACTIC, id, row.get("name"),
                    attack.isEmpty() ? "ATLAS tactic specific to AI systems" : "ATLAS tactic (ATT&CK " + attack + ")",
                    SITE + "tactics/" + id));
        }
        var rows = Csv.read(TECHNIQUES);
        var names = new LinkedHashMap<String, String>();
        for (var row : rows) names.put(row.get("id"), row.get("name"));

        var techniques = new LinkedHashMap<String, CatalogEntry>();
        var ownTactics = new LinkedHashMap<String, List<String>>();
        var parents = new LinkedHashMap<String, String>();
        for (var row : rows) {
            String id = row.get("id");
            String parent = row.get("parent_id");
            String name = parent.isEmpty() ? row.get("name") : names.getOrDefault(parent, parent) + ": " + row.get("name");
            String description = (parent.isEmpty() ? "ATLAS technique" : "ATLAS sub-technique of " + parent)
                    + "; maturity: " + row.get("maturity");
            techniques.put(id, new CatalogEntry(Catalog.ATLAS_TECHNIQUE, id, name, description, SITE + "techniques/" + id));
            ownTactics.put(id, Csv.list(row.get("tactic_ids")));
            if (!parent.isEmpty()) parents.put(id, parent);
        }

        var order = new ArrayList<>(tactics.keySet());
        var tacticsByTechnique = new LinkedHashMap<String, List<CatalogEntry>>();
        for (String id : techniques.keySet()) {
            List<String> ids = ownTactics.get(id);
            if (ids.isEmpty() && parents.containsKey(id)) ids = ownTactics.getOrDefault(parents.get(id), List.of());
            for (String t : ids) {
                if (!tactics.containsKey(t)) throw new IllegalStateException(TECHNIQUES + ": " + id + " names unknown tactic " + t);
            }
            tacticsByTechnique.put(id, ids.stream().distinct().sorted(Comparator.comparingInt(order::indexOf))
                    .map(tactics::get).toList());
        }

        var mitigations = new LinkedHashMap<String, CatalogEntry>();
        var byTechnique = new LinkedHashMap<String, List<String>>();
        for (var row : Csv.read(MITIGATIONS)) {
            String id = row.get("id");
            mitigations.put(id, new CatalogEntry(Catalog.ATLAS_MITIGATION, id, row.get("name"),
                    "ATLAS mitigation; category: " + row.get("category"), SITE + "mitigations/" + id));
            for (String technique : Csv.list(row.get("technique_ids"))) {
                var list = byTechnique.computeIfAbsent(technique, k -> new ArrayList<>());
                if (!list.contains(id)) list.add(id);
            }
        }
        var frozen = new LinkedHashMap<String, List<String>>();
        byTechnique.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new AtlasCatalog(List.copyOf(tactics.values()), Collections.unmodifiableMap(techniques),
                Collections.unmodifiableMap(tacticsByTechnique), Collections.unmodifiableMap(mitigations),
                Collections.unmodifiableMap(frozen));
    }

    /** Index of a tactic in kill-chain order, or {@code Integer.MAX_VALUE} for an unknown id. */
    int order(String tacticId) {
        for (int i = 0; i < tactics.size(); i++) if (tactics.get(i).id().equals(tacticId)) return i;
        return Integer.MAX_VALUE;
    }
}
