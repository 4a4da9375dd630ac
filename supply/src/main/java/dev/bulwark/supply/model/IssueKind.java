package dev.bulwark.supply.model;

/** What a {@link ModelIssue} is about. */
public enum IssueKind {
    /** A callable or construct known to run code or touch the system on load (os.system, eval, Keras Lambda, PyFunc). */
    DANGEROUS_CALL,
    /** A callable outside the allowlist of what real checkpoints use: not known bad, not known good. */
    SUSPICIOUS_CALL,
    /** A risky structure that is not itself a call: ONNX external data escaping the model folder, custom op domains. */
    UNSAFE_STRUCTURE,
    /** A chat or prompt template that can escape its sandbox (GGUF Jinja templates, CVE-2024-34359 style). */
    TEMPLATE_INJECTION,
    /**
     * The file could not be verified: truncated, malformed, encrypted, over a size or nesting limit, or a format
     * we cannot read. Fail closed: this is reported, never silently skipped.
     */
    NOT_VERIFIED
}
