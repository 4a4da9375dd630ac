package dev.bulwark.correlate;

import dev.bulwark.kb.Control;
import java.util.List;
import java.util.Objects;

/**
 * A control, the scenarios and findings it addresses, and its {@code kind}. Only a preventive control breaks the
 * scenarios it names; a detective one detects them and a corrective one limits their damage, so those rank after
 * the preventive ones (see {@link #effect()}). The prioritized fix list is these, in {@code rank} order.
 */
public record RankedControl(int rank, String control, String title, String bulwarkFeature, List<String> scenarios,
                           List<String> findings, Control.Kind kind) {
    public RankedControl {
        scenarios = List.copyOf(scenarios);
        findings = List.copyOf(findings);
        Objects.requireNonNull(kind, "kind");
    }

    /** What switching a control on does to a scenario it names, worded for the writers. */
    public enum Effect {
        BREAKS("breaks", "fixes"),
        DETECTS("detects", "helps with"),
        LIMITS("limits damage of", "helps with");

        private final String scenarioVerb;
        private final String findingVerb;

        Effect(String scenarioVerb, String findingVerb) {
            this.scenarioVerb = scenarioVerb;
            this.findingVerb = findingVerb;
        }

        /** Lower case, e.g. "breaks" or "limits damage of". */
        public String scenarioVerb() {
            return scenarioVerb;
        }

        /** Lower case: "fixes" for a preventive control, "helps with" otherwise. */
        public String findingVerb() {
            return findingVerb;
        }

        public static Effect of(Control.Kind kind) {
            return switch (kind) {
                case PREVENTIVE -> BREAKS;
                case DETECTIVE -> DETECTS;
                case CORRECTIVE -> LIMITS;
            };
        }
    }

    public Effect effect() {
        return Effect.of(kind);
    }

    /** The scenarios switching this control on would break: those it names when it is preventive, else none. */
    public List<String> breaks() {
        return effect() == Effect.BREAKS ? scenarios : List.of();
    }
}
