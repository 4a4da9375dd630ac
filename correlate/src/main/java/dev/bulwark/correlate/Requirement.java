package dev.bulwark.correlate;

import dev.bulwark.core.Finding;
import dev.bulwark.core.WeaknessClass;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * What findings a scenario needs. {@link #match} returns the findings that satisfy the requirement, in input
 * order, or an empty list when it is not satisfied. Findings may come from any target in scope; that is how one
 * scenario joins, say, an injection on the chat bot with a leak on the order API.
 */
sealed interface Requirement {
    List<Finding> match(List<Finding> findings, ScopeIndex scope);

    /** At least one finding of one of these classes; all such findings join. */
    static Requirement anyOf(WeaknessClass first, WeaknessClass... more) {
        return new Weakness(EnumSet.of(first, more));
    }

    /** Every part must be satisfied; their findings join. */
    static Requirement allOf(Requirement... parts) {
        return new AllOf(List.of(parts));
    }

    /** At least one alternative must be satisfied; the findings of every satisfied one join. */
    static Requirement either(Requirement... alternatives) {
        return new Either(List.of(alternatives));
    }

    /** The inner requirement, counting only findings on targets that pass the filter. */
    static Requirement on(TargetFilter filter, Requirement inner) {
        return new On(filter, inner);
    }

    record Weakness(Set<WeaknessClass> classes) implements Requirement {
        public List<Finding> match(List<Finding> findings, ScopeIndex scope) {
            return findings.stream().filter(f -> classes.contains(f.weakness())).toList();
        }
    }

    record AllOf(List<Requirement> parts) implements Requirement {
        public List<Finding> match(List<Finding> findings, ScopeIndex scope) {
            var matched = new HashSet<Finding>();
            for (Requirement part : parts) {
                var found = part.match(findings, scope);
                if (found.isEmpty()) return List.of();
                matched.addAll(found);
            }
            return findings.stream().filter(matched::contains).toList();
        }
    }

    record Either(List<Requirement> alternatives) implements Requirement {
        public List<Finding> match(List<Finding> findings, ScopeIndex scope) {
            var matched = new HashSet<Finding>();
            alternatives.forEach(a -> matched.addAll(a.match(findings, scope)));
            return findings.stream().filter(matched::contains).toList();
        }
    }

    record On(TargetFilter filter, Requirement inner) implements Requirement {
        public List<Finding> match(List<Finding> findings, ScopeIndex scope) {
            return inner.match(findings.stream().filter(f -> filter.test(f, scope)).toList(), scope);
        }
    }

    /** Which findings' targets a requirement considers, judged from the assets the scope gives them. */
    @FunctionalInterface
    interface TargetFilter extends BiPredicate<Finding, ScopeIndex> {
    }
}
