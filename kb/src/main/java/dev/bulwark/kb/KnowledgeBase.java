package dev.bulwark.kb;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.kb.CatalogEntry.Catalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bundled catalogs (CWE 4.16, MITRE ATLAS 5.6, OWASP LLM 2025/2026 and ML 2023, CISA KEV) and the weakness
 * mapping, loaded once from classpath resources. Immutable and thread-safe.
 *
 * <p>Ids are looked up case-insensitively: {@code CWE-200}, {@code AML.T0051.000}, {@code AML.TA0005},
 * {@code AML.M0015}, {@code LLM01} (also {@code LLM01:2025}), {@code LLM01:2026}, {@code ML05} (also
 * {@code ML05:2023}).
 */
public final class KnowledgeBase {
    private static volatile KnowledgeBase bundled;

    private final Map<String, CatalogEntry> entries;
    private final AtlasCatalog atlas;
    private final OwaspCatalog owasp;
    private final KevCatalog kev;
    private final Map<WeaknessClass, WeaknessProfile> profiles;
    private final Map<String, Control> controls;

    private KnowledgeBase(Map<String, CatalogEntry> cwe, AtlasCatalog atlas, OwaspCatalog owasp, KevCatalog kev,
                          Map<WeaknessClass, WeaknessProfile> profiles, Map<String, Control> controls) {
        this.atlas = atlas;
        this.owasp = owasp;
        this.kev = kev;
        this.profiles = profiles;
        this.controls = controls;
        var all = new LinkedHashMap<String, CatalogEntry>();
        cwe.values().forEach(e -> all.put(key(e.id()), e));
        atlas.tactics().forEach(e -> all.put(key(e.id()), e));
        atlas.techniques().values().forEach(e -> all.put(key(e.id()), e));
        atlas.mitigations().values().forEach(e -> all.put(key(e.id()), e));
        owasp.llm2025().forEach(e -> {
            all.put(key(e.id()), e);
            all.put(key(e.id() + ":2025"), e);
        });
        owasp.llm2026().forEach(e -> all.put(key(e.id()), e));
        owasp.ml2023().forEach(e -> {
            all.put(key(e.id()), e);
            all.put(key(e.id() + ":2023"), e);
        });
        this.entries = Collections.unmodifiableMap(all);
    }

    /** Loads the bundled data once; fails fast (at start-up) when any mapping names an id missing from the catalogs. */
    public static KnowledgeBase bundled() {
        KnowledgeBase kb = bundled;
        if (kb == null) {
            synchronized (KnowledgeBase.class) {
                kb = bundled;
                if (kb == null) bundled = kb = load(WeaknessProfiles.FILE, ControlCatalog.FILE);
            }
        }
        return kb;
    }

    /** Loads the catalogs with the given profile and control resources; tests use it to prove validation bites. */
    static KnowledgeBase load(String profilesResource, String controlsResource) {
        var cwe = CweCatalog.load(Yaml.JSON);
        var atlas = AtlasCatalog.load();
        var owasp = OwaspCatalog.load();
        var kev = KevCatalog.load(Yaml.JSON);
        var profiles = WeaknessProfiles.load(profilesResource);
        var controls = ControlCatalog.load(controlsResource);
        MappingValidator.check(profiles, cwe::containsKey,
                id -> owasp.llm2025().stream().anyMatch(e -> e.id().equals(id)),
                atlas.techniques()::containsKey, controls::containsKey);
        return new KnowledgeBase(cwe, atlas, owasp, kev, profiles, controls);
    }

    /** The mapping of a weakness class: ids, CVSS base vector and score, remediation, controls. */
    public WeaknessProfile profile(WeaknessClass weakness) {
        return profiles.get(Objects.requireNonNull(weakness, "weakness"));
    }

    /** Every profile, in {@link WeaknessClass} order. */
    public List<WeaknessProfile> profiles() {
        return List.copyOf(profiles.values());
    }

    /**
     * Fills a check's finding with its class's mapping (keeps ids the check set itself). Severity follows the
     * finding's own CVSS when the check set one (a context-adjusted or advisory vector), otherwise the profile's.
     */
    public Finding map(Finding finding) {
        WeaknessProfile p = profile(finding.weakness());
        Severity severity = finding.cvss() != null ? finding.cvss().severity() : p.cvss().severity();
        return finding.withMapping(new Finding.Mapping(severity, p.cvss(), p.cwe(), p.owaspLlm(), p.atlas(),
                p.remediation(), p.controls(), List.of()));
    }

    public Optional<CatalogEntry> lookup(String id) {
        if (id == null || id.isBlank() || id.length() > 64) return Optional.empty();
        return Optional.ofNullable(entries.get(key(id)));
    }

    /** Whether {@code id} is in the bundled catalogs (any of them). */
    public boolean knows(String id) {
        return lookup(id).isPresent();
    }

    /** ATLAS tactics of a technique (sub-techniques inherit their parent's), in ATLAS kill-chain order. */
    public List<CatalogEntry> tacticsOf(String techniqueId) {
        if (techniqueId == null) return List.of();
        return atlas.tacticsByTechnique().getOrDefault(techniqueId.trim().toUpperCase(Locale.ROOT), List.of());
    }

    /** Position of a tactic in ATLAS kill-chain order (0 = reconnaissance); unknown ids sort last. */
    public int killChainOrder(String tacticId) {
        return tacticId == null ? Integer.MAX_VALUE : atlas.order(tacticId.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * Kill-chain position of a technique: its earliest tactic's position, {@code Integer.MAX_VALUE} when unknown.
     * Sorting techniques by this orders an attack path.
     */
    public int killChainOrderOfTechnique(String techniqueId) {
        return tacticsOf(techniqueId).stream().mapToInt(t -> atlas.order(t.id())).min().orElse(Integer.MAX_VALUE);
    }

    /** ATLAS tactics in kill-chain order. */
    public List<CatalogEntry> atlasTactics() {
        return atlas.tactics();
    }

    /** ATLAS mitigations that address a technique (or, for a sub-technique, its parent). */
    public List<CatalogEntry> mitigationsOf(String techniqueId) {
        if (techniqueId == null) return List.of();
        String id = techniqueId.trim().toUpperCase(Locale.ROOT);
        var ids = new ArrayList<>(atlas.mitigationsByTechnique().getOrDefault(id, List.of()));
        int dot = id.indexOf('.', "AML.T".length());
        if (dot > 0) {
            for (String m : atlas.mitigationsByTechnique().getOrDefault(id.substring(0, dot), List.of())) {
                if (!ids.contains(m)) ids.add(m);
            }
        }
        return ids.stream().map(atlas.mitigations()::get).filter(Objects::nonNull).toList();
    }

    public Optional<Control> control(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(controls.get(id));
    }

    /** The controls catalog, in catalog order. */
    public List<Control> controls() {
        return List.copyOf(controls.values());
    }

    /** OWASP Top 10 for LLM Applications 2025 entries, LLM01..LLM10. */
    public List<CatalogEntry> owaspLlm2025() {
        return owasp.llm2025();
    }

    /** OWASP Top 10 for LLM Applications 2026 entries, LLM01:2026..LLM10:2026. */
    public List<CatalogEntry> owaspLlm2026() {
        return owasp.llm2026();
    }

    /** OWASP Machine Learning Security Top Ten 2023 entries, ML01..ML10. */
    public List<CatalogEntry> owaspMl2023() {
        return owasp.ml2023();
    }

    /** Every entry of one catalog, in catalog order. */
    public List<CatalogEntry> catalog(Catalog catalog) {
        return entries.values().stream().filter(e -> e.catalog() == catalog).distinct().toList();
    }

    public boolean knownExploited(String cveId) {
        return kev(cveId).isPresent();
    }

    /** The CISA KEV entry of a CVE, when it is known to be exploited in the wild. */
    public Optional<KevEntry> kev(String cveId) {
        if (cveId == null || cveId.length() > 32) return Optional.empty();
        return Optional.ofNullable(kev.entries().get(cveId.trim().toUpperCase(Locale.ROOT)));
    }

    /** Version of the bundled KEV catalog, e.g. {@code 2025.08.25}. */
    public String kevCatalogVersion() {
        return kev.catalogVersion();
    }

    private static String key(String id) {
        return id.trim().toUpperCase(Locale.ROOT);
    }
}
