package dev.bulwark.supply.deps.osv;

import dev.bulwark.core.Cvss;
import dev.bulwark.kb.CvssScorer;
import java.util.Objects;
import java.util.Optional;

/** A severity entry of an OSV record: its type (CVSS_V3, CVSS_V4, CVSS_V2, Ubuntu, …) and score text. */
public record OsvSeverity(String type, String score) {
    public OsvSeverity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(score, "score");
    }

    /** The vector scored by the knowledge base's calculator; empty for CVSS 2, other scales and broken vectors. */
    public Optional<Cvss> cvss() {
        if (!type.equals("CVSS_V3") && !type.equals("CVSS_V4")) return Optional.empty();
        try {
            return Optional.of(CvssScorer.score(score));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
