package dev.bulwark.core;

/**
 * The vocabulary a check uses to say what kind of weakness it found. The knowledge base maps each class to
 * CWE, OWASP LLM, ATLAS ids, a CVSS base vector, remediation and controls (DESIGN's weakness table).
 */
public enum WeaknessClass {
    DIRECT_PROMPT_INJECTION,
    INDIRECT_PROMPT_INJECTION,
    JAILBREAK,
    SYSTEM_PROMPT_LEAKAGE,
    SENSITIVE_DATA_IN_OUTPUT,
    IMPROPER_OUTPUT_HANDLING,
    EXCESSIVE_AGENCY,
    UNBOUNDED_CONSUMPTION,
    MODEL_EXTRACTION_EXPOSURE,
    MISSING_AUTHENTICATION,
    PERMISSIVE_CORS,
    VERBOSE_ERRORS,
    CLEARTEXT_TRANSPORT,
    CODE_EXECUTION_ON_MODEL_LOAD,
    VULNERABLE_DEPENDENCY,
    UNTRUSTWORTHY_COMPONENT,
    PII_IN_TRAINING_DATA,
    SECRETS_EXPOSED,
    POISONING_INDICATORS;

    /** Kebab-case id used in files and reports, e.g. {@code direct-prompt-injection}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
