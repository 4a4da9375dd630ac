package dev.bulwark.correlate;

import dev.bulwark.core.Confidence;
import dev.bulwark.core.Finding;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.kb.KnowledgeBase;
import java.util.List;

/**
 * Likelihood from how exploitable a scenario's findings proved to be. Points:
 * <ul>
 *   <li>+2 when a finding is confirmed (proof observed, e.g. a canary came back), +1 when the best is firm,
 *       0 when all are tentative;</li>
 *   <li>+1 when the best observed success rate is at least 50 %; −1 when attempts were made and even the best
 *       rate is under 20 % (the attack works only now and then);</li>
 *   <li>+1 when no authentication stands in the way (a missing-authentication finding on a target of the
 *       scenario);</li>
 *   <li>+2 when a CVE among the findings is in CISA's Known Exploited Vulnerabilities catalog.</li>
 * </ul>
 * Three points or more → high, two → medium, fewer → low. So a confirmed attack that works half the time is
 * high; a confirmed one that rarely works on an authenticated endpoint is medium; heuristics alone are low.
 */
final class LikelihoodRating {
    static final double RELIABLE = 0.5;
    static final double UNRELIABLE = 0.2;

    private LikelihoodRating() {
    }

    static Level of(List<Finding> findings, KnowledgeBase kb) {
        int points = proof(findings) + reliability(findings);
        if (findings.stream().anyMatch(f -> f.weakness() == WeaknessClass.MISSING_AUTHENTICATION)) points++;
        if (findings.stream().flatMap(f -> f.cve().stream()).anyMatch(kb::knownExploited)) points += 2;
        if (points >= 3) return Level.HIGH;
        return points == 2 ? Level.MEDIUM : Level.LOW;
    }

    private static int proof(List<Finding> findings) {
        Confidence best = findings.stream().map(Finding::confidence).min(Enum::compareTo).orElse(Confidence.TENTATIVE);
        return switch (best) {
            case CONFIRMED -> 2;
            case FIRM -> 1;
            case TENTATIVE -> 0;
        };
    }

    private static int reliability(List<Finding> findings) {
        var tried = findings.stream().filter(f -> f.evidence().attempts() > 0).toList();
        if (tried.isEmpty()) return 0;
        double best = tried.stream().mapToDouble(f -> f.evidence().successRate()).max().orElse(0.0);
        if (best >= RELIABLE) return 1;
        return best < UNRELIABLE ? -1 : 0;
    }
}
