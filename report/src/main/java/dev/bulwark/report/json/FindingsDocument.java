package dev.bulwark.report.json;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.bulwark.core.Confidence;
import dev.bulwark.core.Severity;
import dev.bulwark.correlate.Level;
import dev.bulwark.correlate.Risk;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code findings.json}, schema {@code bulwark/findings/v1} (DESIGN). These records ARE the contract: field names,
 * nesting and order are fixed here, independent of the core domain records, so a change in core cannot silently
 * change the file. Enums are written as their lowercase labels (see {@link Labels}).
 */
@JsonPropertyOrder({"schema", "tool", "engagement", "summary", "findings", "scenarios", "coverage"})
public record FindingsDocument(String schema, Tool tool, Engagement engagement, Summary summary,
                               List<FindingEntry> findings, List<ScenarioEntry> scenarios, CoverageEntry coverage) {
    public static final String SCHEMA = "bulwark/findings/v1";

    public FindingsDocument {
        findings = findings == null ? List.of() : List.copyOf(findings);
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    }

    @JsonPropertyOrder({"name", "version"})
    public record Tool(String name, String version) {
    }

    /** {@code complete} is false when the run was stopped early; the extra field is allowed by v1. */
    @JsonPropertyOrder({"name", "startedAt", "finishedAt", "requests", "complete"})
    public record Engagement(String name, Instant startedAt, Instant finishedAt, long requests, boolean complete) {
    }

    @JsonPropertyOrder({"critical", "high", "medium", "low", "info"})
    public record Summary(int critical, int high, int medium, int low, int info) {
    }

    @JsonPropertyOrder({"id", "fingerprint", "check", "title", "severity", "confidence", "cvss", "cwe", "cve",
            "owaspLlm", "atlas", "target", "assets", "location", "evidence", "description", "remediation",
            "controls", "references"})
    public record FindingEntry(String id, String fingerprint, String check, String title, Severity severity,
                               Confidence confidence, CvssEntry cvss, List<String> cwe, List<String> cve,
                               List<String> owaspLlm, List<String> atlas, String target, List<String> assets,
                               LocationEntry location, EvidenceEntry evidence, String description,
                               String remediation, List<String> controls, List<String> references) {
        public FindingEntry {
            cwe = orEmpty(cwe);
            cve = orEmpty(cve);
            owaspLlm = orEmpty(owaspLlm);
            atlas = orEmpty(atlas);
            assets = orEmpty(assets);
            controls = orEmpty(controls);
            references = orEmpty(references);
        }
    }

    @JsonPropertyOrder({"version", "vector", "score"})
    public record CvssEntry(String version, String vector, double score) {
        public CvssEntry {
            if (score < 0.0 || score > 10.0) throw new IllegalArgumentException("CVSS score out of range: " + score);
        }
    }

    /** Only the fields that are known are written. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"url", "path", "entry", "offset", "line", "column"})
    public record LocationEntry(String url, String path, String entry, Long offset, Integer line, String column) {
    }

    /**
     * {@code samples} (further masked excerpts sharing the root cause) is written only when there are some;
     * {@code reproduction} (the shortest masked transcript that reproduces the finding) only when known;
     * {@code details} (a check's named measurements, e.g. {@code k} and {@code quasiIdentifiers} of a dataset) are
     * written as fields of the evidence object itself and read back the same way.
     */
    @JsonPropertyOrder({"attempts", "successes", "request", "response", "samples", "reproduction"})
    public record EvidenceEntry(int attempts, int successes, String request, String response,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> samples,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String reproduction,
                                @JsonAnySetter @JsonAnyGetter Map<String, Object> details) {
        public EvidenceEntry {
            samples = orEmpty(samples);
            details = details == null ? new LinkedHashMap<>() : details;
        }

        public EvidenceEntry(int attempts, int successes, String request, String response, List<String> samples) {
            this(attempts, successes, request, response, samples, null, null);
        }

        public EvidenceEntry(int attempts, int successes, String request, String response, List<String> samples,
                             String reproduction) {
            this(attempts, successes, request, response, samples, reproduction, null);
        }
    }

    /** DESIGN's fields first; narrative, targets, assets and threat actors are v1-compatible extras. */
    @JsonPropertyOrder({"id", "title", "findings", "path", "impact", "likelihood", "risk", "controls", "narrative",
            "targets", "assets", "threatActors"})
    public record ScenarioEntry(String id, String title, List<String> findings, List<String> path, Level impact,
                                Level likelihood, Risk risk, List<String> controls, String narrative,
                                List<String> targets, List<String> assets, List<String> threatActors) {
        public ScenarioEntry {
            findings = orEmpty(findings);
            path = orEmpty(path);
            controls = orEmpty(controls);
            targets = orEmpty(targets);
            assets = orEmpty(assets);
            threatActors = orEmpty(threatActors);
        }
    }

    /**
     * {@code owaspLlm}: LLM01..LLM10 → "tested" / "not tested"; {@code checks}: distinct checks that ran;
     * {@code notTested}: every check run that could not reach a verdict, with the reason.
     */
    @JsonPropertyOrder({"owaspLlm", "checks", "notTested", "owaspLlmWhy", "families"})
    public record CoverageEntry(Map<String, String> owaspLlm, int checks, List<NotTestedEntry> notTested,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> owaspLlmWhy,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FamilyEntry> families) {
        public CoverageEntry {
            owaspLlm = owaspLlm == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(owaspLlm));
            notTested = orEmpty(notTested);
            owaspLlmWhy = owaspLlmWhy == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(owaspLlmWhy));
            families = orEmpty(families);
        }

        public CoverageEntry(Map<String, String> owaspLlm, int checks, List<NotTestedEntry> notTested) {
            this(owaspLlm, checks, notTested, null, null);
        }
    }

    /** Attack success per family (weakness class): hits over judged attempts of its checks (v1-compatible extra). */
    @JsonPropertyOrder({"family", "checks", "attempts", "successes", "rate"})
    public record FamilyEntry(String family, List<String> checks, int attempts, int successes, double rate) {
        public FamilyEntry {
            checks = orEmpty(checks);
        }
    }

    @JsonPropertyOrder({"check", "target", "reason"})
    public record NotTestedEntry(String check, String target, String reason) {
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
