package dev.bulwark.supply.model;

import dev.bulwark.core.Cvss;
import dev.bulwark.core.Severity;
import dev.bulwark.kb.CvssScorer;
import java.util.EnumMap;
import java.util.Map;

/**
 * A CVSS 3.1 base vector for each severity a model finding can have. The knowledge base derives a finding's severity
 * from its vector, so a finding graded by the reader (critical os.system, medium "not verified") carries a vector
 * that scores in that band instead of the weakness profile's single 7.8.
 */
final class SeverityVectors {
    private static final Map<Severity, Cvss> BY_SEVERITY = new EnumMap<>(Map.of(
            // a known code-execution primitive in a file shared over the network; whoever loads it (a CI job, a
            // serving pipeline) runs the attacker's code with rights beyond the loader's own
            Severity.CRITICAL, CvssScorer.score("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H"),
            // the weakness profile's own vector: local load by a user, full compromise of that machine
            Severity.HIGH, CvssScorer.score("CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H"),
            // unknown callables and unverifiable content: harm is possible but needs more than loading
            Severity.MEDIUM, CvssScorer.score("CVSS:3.1/AV:L/AC:H/PR:N/UI:R/S:U/C:H/I:L/A:N"),
            Severity.LOW, CvssScorer.score("CVSS:3.1/AV:L/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N"),
            Severity.INFO, CvssScorer.score("CVSS:3.1/AV:L/AC:H/PR:N/UI:R/S:U/C:N/I:N/A:N")));

    private SeverityVectors() {
    }

    static Cvss of(Severity severity) {
        return BY_SEVERITY.get(severity);
    }
}
