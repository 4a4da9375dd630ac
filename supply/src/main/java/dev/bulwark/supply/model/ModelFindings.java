package dev.bulwark.supply.model;

import dev.bulwark.core.Confidence;
import dev.bulwark.core.Evidence;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Location;
import dev.bulwark.core.Severity;
import dev.bulwark.core.WeaknessClass;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what the scanner found into core findings (weakness class code execution on model load; the knowledge base
 * adds CWE-502/CWE-94, LLM03 and the ATLAS ids). Every finding names the file, the archive entry, the byte offset and
 * the callable, and carries the file's SHA-256 in its evidence.
 */
public final class ModelFindings {
    /** Dangerous and suspicious calls, unsafe structures, template injection. */
    public static final String CODE_EXECUTION = "model.code-execution";
    /** A file or member that could not be verified (fail closed). */
    public static final String NOT_VERIFIED = "model.not-verified";

    private ModelFindings() {
    }

    /** Findings of every scanned file; {@code strict} raises suspicious calls to high. */
    public static List<Finding> of(List<ScannedFile> files, boolean strict) {
        var out = new ArrayList<Finding>();
        for (ScannedFile f : files) out.addAll(of(f, strict));
        return List.copyOf(out);
    }

    public static List<Finding> of(ScannedFile file, boolean strict) {
        return file.issues().stream().map(i -> finding(file, i, strict)).toList();
    }

    /** The severity a finding gets: the reader's, with {@code --strict} raising suspicious calls to high. */
    public static Severity severity(ModelIssue issue, boolean strict) {
        if (strict && issue.kind() == IssueKind.SUSPICIOUS_CALL && !issue.severity().atLeast(Severity.HIGH)) {
            return Severity.HIGH;
        }
        return issue.severity();
    }

    private static Finding finding(ScannedFile file, ModelIssue issue, boolean strict) {
        Severity severity = severity(issue, strict);
        boolean notVerified = issue.kind() == IssueKind.NOT_VERIFIED;
        String path = file.path().toString();
        String where = (issue.entry().isEmpty() ? path : path + "!/" + issue.entry())
                + (issue.offset() >= 0 ? " at byte " + issue.offset() : "");
        String identity = "sha256 " + file.sha256() + ", " + file.size() + " bytes, format "
                + (file.formats().isEmpty() ? "unknown" : String.join(" > ", file.formats()));
        return Finding.builder(notVerified ? NOT_VERIFIED : CODE_EXECUTION, WeaknessClass.CODE_EXECUTION_ON_MODEL_LOAD)
                .title(title(issue))
                .severity(severity)
                .cvss(SeverityVectors.of(severity))
                .confidence(confidence(issue.kind()))
                .target(path)
                .location(new Location(null, path, issue.entry().isEmpty() ? null : issue.entry(),
                        issue.offset() >= 0 ? issue.offset() : null, null, null))
                .evidence(new Evidence(1, notVerified ? 0 : 1, identity,
                        (issue.subject().isEmpty() ? "" : issue.subject() + " in ") + where + ": " + issue.detail(),
                        List.of("sha256 " + file.sha256() + " " + path)))
                .description(issue.detail() + ". Found by static analysis of the file's bytes; nothing in it was"
                        + " loaded or run.")
                .rootCause(issue.kind() + ":" + issue.subject())
                .build();
    }

    private static String title(ModelIssue issue) {
        String s = issue.subject();
        return switch (issue.kind()) {
            case DANGEROUS_CALL -> "Model file runs " + s + " when it is loaded";
            case SUSPICIOUS_CALL -> "Model file calls " + s + ", which real checkpoints do not use";
            case UNSAFE_STRUCTURE -> "Unsafe structure in model file: " + s;
            case TEMPLATE_INJECTION -> "Template in model file can escape its sandbox: " + s;
            case NOT_VERIFIED -> "Model file could not be verified" + (s.isEmpty() ? "" : " (" + s + ")");
        };
    }

    private static Confidence confidence(IssueKind kind) {
        return kind == IssueKind.SUSPICIOUS_CALL ? Confidence.TENTATIVE : Confidence.FIRM;
    }
}
