package dev.bulwark.correlate;

import dev.bulwark.core.Finding;
import dev.bulwark.core.WeaknessClass;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rule that recognises one threat scenario. It fires only when {@code required} is satisfied; findings of the
 * {@code amplifiers} classes then join when they sit on a target the required findings already involve (e.g.
 * missing authentication on the leaking bot makes the leak easier to reach). {@code narrative} may use
 * {@code {targets}} and {@code {assets}}.
 */
record ScenarioTemplate(String key, String title, String narrative, Motive motive, Requirement required,
                        Set<WeaknessClass> amplifiers) {
    ScenarioTemplate {
        amplifiers = Set.copyOf(amplifiers);
    }

    /** The findings of this scenario, in input order, or empty when it does not apply. */
    Optional<List<Finding>> match(List<Finding> findings, ScopeIndex scope) {
        List<Finding> core = required.match(findings, scope);
        if (core.isEmpty()) return Optional.empty();
        Set<String> targets = core.stream().map(Finding::target).collect(Collectors.toSet());
        return Optional.of(findings.stream()
                .filter(f -> core.contains(f) || (amplifiers.contains(f.weakness()) && targets.contains(f.target())))
                .toList());
    }

    String narrative(List<String> targets, List<String> assets) {
        return narrative.replace("{targets}", targets.isEmpty() ? "the tested systems" : prose(targets))
                .replace("{assets}", assets.isEmpty() ? "the data they handle" : prose(assets));
    }

    /** "a", "a and b", "a, b and c": the narrative is read as a sentence. */
    static String prose(List<String> items) {
        if (items.size() < 2) return String.join("", items);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
