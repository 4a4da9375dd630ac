package dev.bulwark.data.scan;

import dev.bulwark.core.Classification;
import dev.bulwark.core.Confidence;
import dev.bulwark.core.Cvss;
import dev.bulwark.core.Evidence;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Location;
import dev.bulwark.core.Masking;
import dev.bulwark.core.Severity;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.data.privacy.EquivalenceClasses;
import dev.bulwark.data.table.Groups;
import dev.bulwark.detect.EntityType;
import dev.bulwark.kb.CvssScorer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The findings of a dataset scan (DESIGN's contract): one per column holding PII ({@code data.pii}, with
 * {@code location.column}) and one per column holding secrets ({@code data.secrets}); the k-anonymity result
 * ({@code data.k-anonymity}, with {@code evidence.k} and {@code evidence.quasiIdentifiers}); the dataset's own
 * finding ({@code data.classification}, with {@code evidence.classification}); and the poisoning indicators
 * ({@code data.label-conflicts}, {@code data.trigger-tokens}). Evidence holds masked values only.
 */
public final class ScanFindings {
    public static final String PII = "data.pii";
    public static final String SECRETS = "data.secrets";
    public static final String K_ANONYMITY = "data.k-anonymity";
    public static final String CLASSIFICATION = "data.classification";
    public static final String LABEL_CONFLICTS = "data.label-conflicts";
    public static final String TRIGGER_TOKENS = "data.trigger-tokens";

    /**
     * Vectors for re-identification risk by k (the weakness profile's own 5.9 is the medium case): anyone holding
     * the data (or a model that repeats it) can single out a unique person (7.5 high); small classes need more
     * background knowledge (3.7 low); large classes disclose nothing by themselves (0.0).
     */
    private static final Map<Severity, Cvss> REIDENTIFICATION = new EnumMap<>(Map.of(
            Severity.HIGH, CvssScorer.score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"),
            Severity.MEDIUM, CvssScorer.score("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N"),
            Severity.LOW, CvssScorer.score("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N"),
            Severity.INFO, CvssScorer.score("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:N")));

    private ScanFindings() {
    }

    /** Every finding of one scan, columns in file order first. */
    public static List<Finding> of(DatasetScan scan) {
        var out = new ArrayList<Finding>();
        for (ColumnProfile column : scan.columns()) {
            if (column.holds(EntityType.Kind.PII) || column.personalByNameOnly()) out.add(pii(scan, column));
            if (column.holds(EntityType.Kind.SECRET)) out.add(secrets(scan, column));
        }
        scan.privacy().ifPresent(p -> out.add(kAnonymity(scan, p)));
        out.add(classification(scan));
        scan.poisoning().ifPresent(p -> out.addAll(poisoning(scan, p)));
        return List.copyOf(out);
    }

    /** The severity of a k: 1 high (someone is unique), under 5 medium, under 10 low, else info. */
    public static Severity severityOf(long k) {
        if (k <= 1) return Severity.HIGH;
        if (k < 5) return Severity.MEDIUM;
        if (k < 10) return Severity.LOW;
        return Severity.INFO;
    }

    private static Finding pii(DatasetScan scan, ColumnProfile column) {
        var types = types(column, EntityType.Kind.PII);
        boolean byName = types.isEmpty();
        String what = byName ? "by its name: " + column.hint().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                : String.join(", ", types.keySet());
        var details = columnDetails(scan, column, types);
        return builder(scan, PII, WeaknessClass.PII_IN_TRAINING_DATA, column.name())
                .title("Column " + column.name() + " holds personal data (" + what + ")")
                .confidence(byName ? Confidence.TENTATIVE : Confidence.FIRM)
                .evidence(new Evidence(Math.toIntExact(Math.min(Integer.MAX_VALUE, column.nonEmpty())),
                        Math.toIntExact(Math.min(Integer.MAX_VALUE, maxCells(column, EntityType.Kind.PII))), null,
                        summary(column, types), examples(column, EntityType.Kind.PII)).withDetails(details))
                .description("Column " + column.name() + " of " + scan.file() + ": " + column.classification().reason()
                        + ". " + sampleNote(scan))
                .build();
    }

    private static Finding secrets(DatasetScan scan, ColumnProfile column) {
        var types = types(column, EntityType.Kind.SECRET);
        return builder(scan, SECRETS, WeaknessClass.SECRETS_EXPOSED, column.name())
                .title("Column " + column.name() + " holds credentials (" + String.join(", ", types.keySet()) + ")")
                .evidence(new Evidence(Math.toIntExact(Math.min(Integer.MAX_VALUE, column.nonEmpty())),
                        Math.toIntExact(Math.min(Integer.MAX_VALUE, maxCells(column, EntityType.Kind.SECRET))), null,
                        summary(column, types), examples(column, EntityType.Kind.SECRET))
                        .withDetails(columnDetails(scan, column, types)))
                .description("Column " + column.name() + " of " + scan.file() + " holds passwords, keys or tokens. "
                        + sampleNote(scan))
                .build();
    }

    private static Finding kAnonymity(DatasetScan scan, EquivalenceClasses p) {
        Severity severity = severityOf(p.k());
        var details = new LinkedHashMap<String, Object>();
        details.put("k", p.k());
        details.put("quasiIdentifiers", p.quasiIdentifiers());
        if (p.sensitive() != null) {
            details.put("l", p.l());
            details.put("sensitive", p.sensitive());
        }
        details.put("rows", p.rows());
        details.put("classes", p.classes());
        details.put("uniqueRows", p.uniqueRows());
        var smallest = new ArrayList<Map<String, Object>>();
        var samples = new ArrayList<String>();
        for (Groups.Group g : p.smallest()) {
            List<String> values = shownValues(scan, p.quasiIdentifiers(), g.key());
            var entry = new LinkedHashMap<String, Object>();
            entry.put("values", values);
            entry.put("rows", g.rows());
            if (p.sensitive() != null) entry.put("distinctSensitive", g.distinct());
            smallest.add(entry);
            samples.add(String.join(", ", values) + " → " + g.rows() + " row" + (g.rows() == 1 ? "" : "s"));
        }
        details.put("smallestClasses", smallest);
        String l = p.sensitive() == null ? "" : ", l = " + p.l() + " for " + p.sensitive();
        return builder(scan, K_ANONYMITY, WeaknessClass.PII_IN_TRAINING_DATA, null)
                .title(p.k() <= 1 ? p.uniqueRows() + " of " + p.rows() + " rows are unique on "
                        + String.join(", ", p.quasiIdentifiers()) + " (k = " + p.k() + l + ")"
                        : "Dataset is " + p.k() + "-anonymous on " + String.join(", ", p.quasiIdentifiers()) + l)
                .severity(severity)
                .cvss(REIDENTIFICATION.get(severity))
                .evidence(new Evidence(Math.toIntExact(Math.min(Integer.MAX_VALUE, p.rows())),
                        Math.toIntExact(Math.min(Integer.MAX_VALUE, p.uniqueRows())), null,
                        "k = " + p.k() + " over " + p.classes() + " classes of " + p.rows() + " rows" + l, samples)
                        .withDetails(details))
                .description("Rows grouped by their quasi-identifiers (" + String.join(", ", p.quasiIdentifiers())
                        + ") form equivalence classes; the smallest holds " + p.k() + " row" + (p.k() == 1 ? "" : "s")
                        + ". Someone who knows these facts about a person can narrow them down to " + p.k()
                        + " row" + (p.k() == 1 ? "" : "s") + (p.sensitive() == null ? "."
                        : ", and learn their " + p.sensitive() + " when a class holds fewer than 2 distinct values (l = "
                        + p.l() + ").") + " Measured over every row of the file.")
                .remediation("Generalize or suppress the quasi-identifiers until every class holds at least 5 rows"
                        + " (bulwark data anonymize --quasi " + String.join(",", p.quasiIdentifiers()) + " --k 5),"
                        + " or drop the columns the model does not need.")
                .build();
    }

    private static Finding classification(DatasetScan scan) {
        var details = new LinkedHashMap<String, Object>();
        details.put("classification", scan.classification().level().label());
        details.put("reason", scan.classification().reason());
        details.put("rowsProfiled", scan.rowsProfiled());
        details.put("complete", scan.complete());
        var columns = new LinkedHashMap<String, Object>();
        for (ColumnProfile c : scan.columns()) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("classification", c.classification().level().label());
            entry.put("reason", c.classification().reason());
            if (!c.entities().isEmpty()) entry.put("types", typeCounts(c.entities()));
            if (c.quasiIdentifier()) entry.put("quasiIdentifier", true);
            columns.put(c.name(), entry);
        }
        details.put("columns", columns);
        if (!scan.quasiIdentifiers().isEmpty()) details.put("quasiIdentifiers", scan.quasiIdentifiers());
        if (scan.sensitive() != null) details.put("sensitive", scan.sensitive());
        Classification level = scan.classification().level();
        return builder(scan, CLASSIFICATION, WeaknessClass.PII_IN_TRAINING_DATA, null)
                .title("Dataset classified " + level.label() + ": " + scan.classification().reason())
                .severity(Severity.INFO)
                .cvss(REIDENTIFICATION.get(Severity.INFO))
                .confidence(Confidence.FIRM)
                .evidence(new Evidence(0, 0, null, level.label() + ": " + scan.classification().reason(), List.of())
                        .withDetails(details))
                .description("Classification by the book's §3.2 levels (public, internal, confidential, restricted)."
                        + " The dataset takes the highest level of its columns. " + sampleNote(scan))
                .remediation(remediation(level))
                .build();
    }

    private static List<Finding> poisoning(DatasetScan scan, PoisoningIndicators p) {
        var out = new ArrayList<Finding>();
        if (p.conflictCount() > 0) {
            var samples = p.conflicts().stream().map(c -> "rows " + c.rows() + " labelled " + c.labels() + ": "
                    + c.text()).toList();
            var details = new LinkedHashMap<String, Object>();
            details.put("label", p.labelColumn());
            details.put("conflicts", p.conflictCount());
            details.put("rowsCompared", p.rows());
            out.add(builder(scan, LABEL_CONFLICTS, WeaknessClass.POISONING_INDICATORS, p.labelColumn())
                    .title(p.conflictCount() + " near-duplicate row group" + (p.conflictCount() == 1 ? "" : "s")
                            + " with conflicting " + p.labelColumn() + " labels")
                    .confidence(Confidence.TENTATIVE)
                    .evidence(new Evidence(Math.toIntExact(Math.min(Integer.MAX_VALUE, p.rows())),
                            Math.toIntExact(Math.min(Integer.MAX_VALUE, p.conflictCount())), null,
                            samples.isEmpty() ? null : samples.get(0), samples).withDetails(details))
                    .description("Rows with the same text (ignoring case, spacing and punctuation) carry different"
                            + " labels. A few may be honest mistakes; many, or a pattern, suggest flipped labels."
                            + notes(p))
                    .build());
        }
        if (!p.triggers().isEmpty()) {
            var samples = p.triggers().stream().map(t -> String.format(Locale.ROOT,
                    "\"%s\": %d rows, %.0f%% labelled %s (%.0f%% of all rows)", t.token(), t.rows(),
                    100 * t.purity(), t.label(), 100 * t.labelShare())).toList();
            var details = new LinkedHashMap<String, Object>();
            details.put("label", p.labelColumn());
            details.put("tokens", p.triggers().stream().map(t -> {
                var m = new LinkedHashMap<String, Object>();
                m.put("token", t.token());
                m.put("label", t.label());
                m.put("rows", t.rows());
                m.put("purity", Math.round(t.purity() * 1000) / 1000.0);
                m.put("labelShare", Math.round(t.labelShare() * 1000) / 1000.0);
                return (Object) m;
            }).toList());
            out.add(builder(scan, TRIGGER_TOKENS, WeaknessClass.POISONING_INDICATORS, p.labelColumn())
                    .title(p.triggers().size() + " token" + (p.triggers().size() == 1 ? "" : "s")
                            + " almost always labelled one rare way (possible backdoor triggers)")
                    .confidence(Confidence.TENTATIVE)
                    .evidence(new Evidence(Math.toIntExact(Math.min(Integer.MAX_VALUE, p.rows())),
                            p.triggers().size(), null, samples.get(0), samples).withDetails(details))
                    .description("Each token appears in at least " + TriggerTokens.MIN_ROWS + " rows, at least "
                            + Math.round(100 * TriggerTokens.MIN_PURITY) + "% of them with one label, while that label"
                            + " is at most half as common overall. A planted trigger word looks like this; so can a"
                            + " word that honestly predicts a rare class. Check where those rows came from." + notes(p))
                    .build());
        }
        return out;
    }

    private static Finding.Builder builder(DatasetScan scan, String check, WeaknessClass weakness, String column) {
        String path = scan.file().toString();
        return Finding.builder(check, weakness)
                .target(path)
                .location(new Location(null, path, null, null, null, column))
                .rootCause(column == null ? "" : column);
    }

    private static Map<String, Object> columnDetails(DatasetScan scan, ColumnProfile column, Map<String, Object> types) {
        var details = new LinkedHashMap<String, Object>();
        details.put("column", column.name());
        details.put("types", types);
        details.put("nonEmpty", column.nonEmpty());
        details.put("rowsProfiled", scan.rowsProfiled());
        details.put("classification", column.classification().level().label());
        details.put("reason", column.classification().reason());
        if (column.hint() != null) details.put("nameHint", column.hint().name().toLowerCase(Locale.ROOT));
        return details;
    }

    private static Map<String, Object> types(ColumnProfile column, EntityType.Kind kind) {
        return typeCounts(column.entities().stream().filter(e -> e.type().kind() == kind).toList());
    }

    private static Map<String, Object> typeCounts(List<ColumnProfile.EntityCount> counts) {
        var out = new LinkedHashMap<String, Object>();
        for (ColumnProfile.EntityCount e : counts) {
            var m = new LinkedHashMap<String, Object>();
            m.put("cells", e.cells());
            m.put("share", Math.round(e.share() * 10_000) / 10_000.0);
            m.put("examples", e.examples());
            out.put(e.type().name(), m);
        }
        return out;
    }

    private static long maxCells(ColumnProfile column, EntityType.Kind kind) {
        return column.entities().stream().filter(e -> e.type().kind() == kind)
                .mapToLong(ColumnProfile.EntityCount::cells).max().orElse(0);
    }

    private static String summary(ColumnProfile column, Map<String, Object> types) {
        if (types.isEmpty()) return column.classification().reason();
        var parts = new ArrayList<String>();
        column.entities().stream().filter(e -> types.containsKey(e.type().name())).forEach(e -> parts.add(
                String.format(Locale.ROOT, "%s in %d of %d cells (%.1f%%)", e.type().name(), e.cells(),
                        column.nonEmpty(), 100 * e.share())));
        return String.join("; ", parts);
    }

    private static List<String> examples(ColumnProfile column, EntityType.Kind kind) {
        return column.entities().stream().filter(e -> e.type().kind() == kind)
                .flatMap(e -> e.examples().stream().map(x -> e.type().name() + ": " + x)).toList();
    }

    /** Quasi-identifier values as shown: masked where the column is restricted (a date of birth, a name). */
    private static List<String> shownValues(DatasetScan scan, List<String> columns, List<String> values) {
        var out = new ArrayList<String>();
        for (int i = 0; i < columns.size(); i++) {
            String v = values.get(i);
            boolean restricted = scan.column(columns.get(i)).map(c -> c.classification().level()
                    == Classification.RESTRICTED).orElse(true);
            out.add(v == null ? "(missing)" : restricted ? Masking.mask(v) : Masking.excerpt(v, 40));
        }
        return out;
    }

    private static String sampleNote(DatasetScan scan) {
        return scan.complete() ? "Every row (" + scan.rowsProfiled() + ") was profiled."
                : "The first " + scan.rowsProfiled() + " rows were profiled (use --full for all).";
    }

    private static String notes(PoisoningIndicators p) {
        return p.notes().isEmpty() ? "" : " Notes: " + String.join("; ", p.notes()) + ".";
    }

    private static String remediation(Classification level) {
        return switch (level) {
            case RESTRICTED -> "Restricted data: encrypt it at rest and in transit, give access only to the people"
                    + " who need it, keep an audit trail, and pseudonymize or anonymize it before training"
                    + " (bulwark data pseudonymize / anonymize).";
            case CONFIDENTIAL -> "Confidential data: encrypt it, limit access to those who need it and monitor use.";
            case INTERNAL -> "Internal data: keep it behind access controls and log who uses it.";
            case PUBLIC -> "Public data: check its integrity (checksums, signatures) before training.";
        };
    }
}
