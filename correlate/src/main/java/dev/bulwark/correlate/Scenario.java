package dev.bulwark.correlate;

import java.util.List;

/**
 * A threat scenario: findings on one or more targets that together let an attacker reach a goal, ordered along
 * ATLAS tactics ({@code path} holds technique ids in kill-chain order), rated on the risk matrix.
 */
public record Scenario(String id, String title, String narrative, List<String> findings, List<String> path,
                       List<String> targets, List<String> assets, List<String> threatActors, Level impact,
                       Level likelihood, Risk risk, List<String> controls) {
    public Scenario {
        findings = List.copyOf(findings);
        path = List.copyOf(path);
        targets = List.copyOf(targets);
        assets = List.copyOf(assets);
        threatActors = List.copyOf(threatActors);
        controls = List.copyOf(controls);
    }
}
