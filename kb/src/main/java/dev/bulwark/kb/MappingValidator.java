package dev.bulwark.kb;

import dev.bulwark.core.WeaknessClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Fails start-up when a weakness profile names an id the bundled catalogs do not hold (a typo would otherwise
 * show up as a dead link in a customer's report) or a control the controls catalog lacks.
 */
final class MappingValidator {
    private MappingValidator() {
    }

    static void check(Map<WeaknessClass, WeaknessProfile> profiles, Predicate<String> cweKnown,
                      Predicate<String> owaspKnown, Predicate<String> atlasKnown, Predicate<String> controlKnown) {
        List<String> problems = new ArrayList<>();
        for (WeaknessProfile p : profiles.values()) {
            collect(problems, p, "CWE", p.cwe(), cweKnown);
            collect(problems, p, "OWASP LLM 2025", p.owaspLlm(), owaspKnown);
            collect(problems, p, "ATLAS technique", p.atlas(), atlasKnown);
            collect(problems, p, "control", p.controls(), controlKnown);
            if (p.controls().isEmpty()) problems.add(p.weakness().id() + ": names no control");
        }
        if (!problems.isEmpty()) throw new IllegalStateException("weakness mapping is inconsistent: " + String.join("; ", problems));
    }

    private static void collect(List<String> problems, WeaknessProfile p, String kind, List<String> ids, Predicate<String> known) {
        for (String id : ids) {
            if (!known.test(id)) problems.add(p.weakness().id() + ": unknown " + kind + " id " + id);
        }
    }
}
