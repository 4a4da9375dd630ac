package dev.bulwark.kb;

/**
 * One entry of a bundled catalog: {@code CWE-200}, {@code LLM07} (OWASP LLM 2025; {@code LLM07:2026} for the 2026
 * list), {@code ML05} (OWASP ML 2023), {@code AML.T0056} (ATLAS technique), {@code AML.TA0010} (ATLAS tactic).
 * {@code url} points at the public catalog page for that id.
 */
public record CatalogEntry(Catalog catalog, String id, String name, String description, String url) {
    public enum Catalog { CWE, OWASP_LLM_2025, OWASP_LLM_2026, OWASP_ML_2023, ATLAS_TECHNIQUE, ATLAS_TACTIC, ATLAS_MITIGATION }
}
