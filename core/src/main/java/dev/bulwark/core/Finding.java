package dev.bulwark.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One weakness observed on one target. Immutable; checks create it through {@link #builder}, the knowledge base
 * fills in the mapping ids and CVSS ({@link #withMapping}), correlation assigns the report id ({@link #withId}).
 *
 * <p>The fingerprint identifies the root cause (check, target, location, root-cause key) so that the same weakness
 * seen twice, in one run or across runs, is one finding.
 */
public record Finding(
        String id,
        String fingerprint,
        String check,
        WeaknessClass weakness,
        String title,
        Severity severity,
        Confidence confidence,
        Cvss cvss,
        List<String> cwe,
        List<String> cve,
        List<String> owaspLlm,
        List<String> atlas,
        String target,
        List<String> assets,
        Location location,
        Evidence evidence,
        String description,
        String remediation,
        List<String> controls,
        List<String> references) {

    public Finding {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(weakness, "weakness");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(confidence, "confidence");
        cwe = List.copyOf(cwe);
        cve = List.copyOf(cve);
        owaspLlm = List.copyOf(owaspLlm);
        atlas = List.copyOf(atlas);
        assets = List.copyOf(assets);
        controls = List.copyOf(controls);
        references = List.copyOf(references);
        location = location == null ? Location.none() : location;
        evidence = evidence == null ? Evidence.none() : evidence;
        description = description == null ? "" : description;
        remediation = remediation == null ? "" : remediation;
    }

    public static Builder builder(String check, WeaknessClass weakness) {
        return new Builder(check, weakness);
    }

    public Finding withId(String newId) {
        return new Finding(newId, fingerprint, check, weakness, title, severity, confidence, cvss, cwe, cve, owaspLlm,
                atlas, target, assets, location, evidence, description, remediation, controls, references);
    }

    /**
     * The same finding attributed to a scope target (offline scanners build findings before they know which
     * target asked): target and assets replaced, fingerprint re-derived from the old one and the target id so that
     * two targets scanning the same file keep distinct root causes while a rerun of one target matches itself.
     */
    public Finding forTarget(String targetId, List<String> targetAssets) {
        String keyed = "sha256:" + sha256(fingerprint + "\u001f" + targetId);
        return new Finding(id, keyed, check, weakness, title, severity, confidence, cvss, cwe, cve, owaspLlm,
                atlas, targetId, targetAssets, location, evidence, description, remediation, controls, references);
    }

    public Finding withEvidence(Evidence newEvidence) {
        return new Finding(id, fingerprint, check, weakness, title, severity, confidence, cvss, cwe, cve, owaspLlm,
                atlas, target, assets, location, newEvidence, description, remediation, controls, references);
    }

    /** The knowledge base's mapping; ids the check already set (e.g. an advisory's CVE and CWE ids) are kept first. */
    public Finding withMapping(Mapping mapping) {
        return new Finding(id, fingerprint, check, weakness, title,
                mapping.severity() != null ? mapping.severity() : severity, confidence,
                cvss != null ? cvss : mapping.cvss(),
                union(cwe, mapping.cwe()), cve, union(owaspLlm, mapping.owaspLlm()), union(atlas, mapping.atlas()),
                target, assets, location, evidence, description,
                remediation.isBlank() ? mapping.remediation() : remediation,
                union(controls, mapping.controls()), union(references, mapping.references()));
    }

    private static List<String> union(List<String> first, List<String> second) {
        var out = new java.util.LinkedHashSet<>(first);
        out.addAll(second);
        return List.copyOf(out);
    }

    /** What the knowledge base adds to a finding of a weakness class. A null severity keeps the check's own. */
    public record Mapping(Severity severity, Cvss cvss, List<String> cwe, List<String> owaspLlm, List<String> atlas,
                          String remediation, List<String> controls, List<String> references) {
    }

    /** Collects a finding's fields; {@link #build()} derives the fingerprint. */
    public static final class Builder {
        private final String check;
        private final WeaknessClass weakness;
        private String title;
        private Severity severity = Severity.MEDIUM;
        private Confidence confidence = Confidence.FIRM;
        private Cvss cvss;
        private List<String> cwe = List.of();
        private List<String> cve = List.of();
        private String target = "";
        private List<String> assets = List.of();
        private Location location = Location.none();
        private Evidence evidence = Evidence.none();
        private String description = "";
        private String remediation = "";
        private List<String> references = List.of();
        private String rootCause = "";

        private Builder(String check, WeaknessClass weakness) {
            this.check = Objects.requireNonNull(check, "check");
            this.weakness = Objects.requireNonNull(weakness, "weakness");
        }

        public Builder title(String value) { this.title = value; return this; }
        public Builder severity(Severity value) { this.severity = value; return this; }
        public Builder confidence(Confidence value) { this.confidence = value; return this; }
        public Builder cvss(Cvss value) { this.cvss = value; return this; }
        public Builder cwe(List<String> value) { this.cwe = value; return this; }
        public Builder cve(List<String> value) { this.cve = value; return this; }
        public Builder target(String value) { this.target = value; return this; }
        public Builder assets(List<String> value) { this.assets = value; return this; }
        public Builder location(Location value) { this.location = value; return this; }
        public Builder evidence(Evidence value) { this.evidence = value; return this; }
        public Builder description(String value) { this.description = value; return this; }
        public Builder remediation(String value) { this.remediation = value; return this; }
        public Builder references(List<String> value) { this.references = value; return this; }

        /** What distinguishes this root cause from others of the same check at the same place (e.g. a callable). */
        public Builder rootCause(String value) { this.rootCause = value; return this; }

        public Finding build() {
            Objects.requireNonNull(title, "title");
            return new Finding(null, fingerprint(), check, weakness, title, severity, confidence, cvss, cwe, cve,
                    List.of(), List.of(), target, assets, location, evidence, description, remediation, List.of(),
                    references);
        }

        private String fingerprint() {
            String key = String.join("\u001f", check, target,
                    urlPath(location.url()), String.valueOf(location.path()), String.valueOf(location.entry()),
                    String.valueOf(location.column()), rootCause);
            return "sha256:" + sha256(key);
        }
    }

    /**
     * The URL without scheme, host and port: the target id already names the endpoint, and a retest of the same
     * target on another port (a restarted local server, the demo) must fingerprint the same root cause alike.
     */
    private static String urlPath(String url) {
        if (url == null) return "null";
        try {
            var uri = java.net.URI.create(url);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException notAUri) {
            return url;
        }
    }

    static String sha256(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
