package dev.bulwark.report;

import dev.bulwark.core.Coverage;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.engine.CheckRun;
import dev.bulwark.correlate.Assessment;
import dev.bulwark.kb.CatalogEntry;
import dev.bulwark.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the report says about coverage beyond "tested": for each OWASP LLM 2025 category why it is tested (which
 * checks reached a verdict) or why not (no check of the run maps to it, or its checks could not judge — with their
 * reason), and the attack success rate per family (the weakness class a check tests: hits over judged attempts).
 */
public final class CoverageSummary {
    private CoverageSummary() {
    }

    /** One OWASP LLM 2025 category: {@code status} is "tested" or "not tested", {@code why} says which or why not. */
    public record Category(String id, String name, String status, String why) {
    }

    /** One family of attacks: the checks in it, their judged attempts and hits. */
    public record Family(String family, List<String> checks, int decided, int hits) {
        public double rate() {
            return decided == 0 ? 0 : (double) hits / decided;
        }

        public String rateText() {
            return decided == 0 ? "—" : String.format(Locale.ROOT, "%.0f%% (%d/%d)", 100 * rate(), hits, decided);
        }
    }

    public static List<Category> categories(Assessment assessment, KnowledgeBase kb) {
        List<Category> out = new ArrayList<>();
        List<CheckRun> runs = assessment.run().checkRuns();
        for (CatalogEntry entry : kb.owaspLlm2025()) {
            Set<String> tested = new LinkedHashSet<>();
            List<String> failed = new ArrayList<>();
            for (CheckRun r : runs) {
                if (r.weakness() == null || !kb.profile(r.weakness()).owaspLlm().contains(entry.id())) continue;
                if (r.coverage() == Coverage.TESTED) tested.add(r.check());
                else failed.add(r.check() + " on " + r.target() + ": " + r.note());
            }
            String status = assessment.owaspCoverage().getOrDefault(entry.id(),
                    tested.isEmpty() ? Coverage.NOT_TESTED.label() : Coverage.TESTED.label());
            String why;
            if (!tested.isEmpty()) {
                why = "by " + String.join(", ", tested);
            } else if (!failed.isEmpty()) {
                why = "its checks could not reach a verdict — " + String.join("; ", failed.subList(0, Math.min(3, failed.size())))
                        + (failed.size() > 3 ? "; and " + (failed.size() - 3) + " more" : "");
            } else {
                why = noCheckReason(entry.id());
            }
            out.add(new Category(entry.id(), entry.name(), status, why));
        }
        return out;
    }

    /** Success rate per weakness class, most successful first; classes without judged attempts last. */
    public static List<Family> families(Assessment assessment) {
        Map<WeaknessClass, List<CheckRun>> byClass = new TreeMap<>();
        for (CheckRun r : assessment.run().checkRuns()) {
            if (r.weakness() != null) byClass.computeIfAbsent(r.weakness(), k -> new ArrayList<>()).add(r);
        }
        List<Family> out = new ArrayList<>();
        byClass.forEach((weakness, runs) -> out.add(new Family(weakness.id(),
                runs.stream().map(CheckRun::check).distinct().toList(),
                runs.stream().mapToInt(r -> r.tally().decided()).sum(),
                runs.stream().mapToInt(r -> r.tally().hits()).sum())));
        out.sort(java.util.Comparator.comparing((Family f) -> f.decided() == 0)
                .thenComparing(Family::rate, java.util.Comparator.reverseOrder()));
        return out;
    }

    /** Why no check of a live pentest maps to a category. */
    static String noCheckReason(String owaspId) {
        return switch (owaspId) {
            case "LLM03" -> "supply chain: found by scanning model files and dependencies (bulwark scan model / deps), not by probing an endpoint";
            case "LLM04" -> "data and model poisoning: found by scanning training data (bulwark scan data), not by probing an endpoint";
            case "LLM08" -> "vector and embedding weaknesses: need access to the retrieval store, which a black-box probe does not have";
            case "LLM09" -> "misinformation: judging factual accuracy needs ground truth or a judge model; no deterministic check exists";
            default -> "no check of this run tests it (a larger --pack, or a target kind the checks handle, may)";
        };
    }
}
