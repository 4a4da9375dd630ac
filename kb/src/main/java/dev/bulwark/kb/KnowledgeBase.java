package dev.bulwark.kb;

import dev.bulwark.core.Finding;
import dev.bulwark.core.WeaknessClass;
import java.util.List;
import java.util.Optional;

/**
 * The bundled catalogs (CWE 4.16, MITRE ATLAS 5.6, OWASP LLM 2025/2026 and ML 2023, CISA KEV) and the weakness
 * mapping, loaded once from classpath resources. Immutable and thread-safe.
 *
 * <p>API sketch agreed for issue 2; implementation lands with the kb module.
 */
public final class KnowledgeBase {

    /** Loads the bundled data; fails fast (at start-up) when any mapping names an id missing from the catalogs. */
    public static KnowledgeBase bundled() {
        throw new UnsupportedOperationException("kb: under construction");
    }

    /** The mapping of a weakness class: ids, CVSS base vector and score, remediation, controls. */
    public WeaknessProfile profile(WeaknessClass weakness) {
        throw new UnsupportedOperationException("kb: under construction");
    }

    /** Fills a check's finding with its class's mapping (keeps ids the check set itself). */
    public Finding map(Finding finding) {
        throw new UnsupportedOperationException("kb: under construction");
    }

    public Optional<CatalogEntry> lookup(String id) {
        throw new UnsupportedOperationException("kb: under construction");
    }

    /** ATLAS tactics of a technique (sub-techniques inherit their parent's), in ATLAS kill-chain order. */
    public List<CatalogEntry> tacticsOf(String techniqueId) {
        throw new UnsupportedOperationException("kb: under construction");
    }

    public Optional<Control> control(String id) {
        throw new UnsupportedOperationException("kb: under construction");
    }

    public List<Control> controls() {
        throw new UnsupportedOperationException("kb: under construction");
    }

    /** OWASP Top 10 for LLM Applications 2025 entries, LLM01..LLM10. */
    public List<CatalogEntry> owaspLlm2025() {
        throw new UnsupportedOperationException("kb: under construction");
    }

    public boolean knownExploited(String cveId) {
        throw new UnsupportedOperationException("kb: under construction");
    }
}
