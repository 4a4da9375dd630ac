package dev.bulwark.correlate;

import dev.bulwark.core.Finding;
import dev.bulwark.core.scope.Asset;
import dev.bulwark.core.scope.ThreatActor;
import dev.bulwark.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Runs every scenario template over the (deduplicated, ordered, numbered) findings and rates what fires.
 * Scenarios are numbered S-1… by risk (immediate first), then impact, then likelihood, then template order.
 */
final class ScenarioBuilder {
    private final KnowledgeBase kb;
    private final ScopeIndex scope;
    private final List<ScenarioTemplate> templates;

    ScenarioBuilder(KnowledgeBase kb, ScopeIndex scope, List<ScenarioTemplate> templates) {
        this.kb = kb;
        this.scope = scope;
        this.templates = List.copyOf(templates);
    }

    List<Scenario> build(List<Finding> findings) {
        var drafts = new ArrayList<Draft>();
        for (int i = 0; i < templates.size(); i++) {
            ScenarioTemplate t = templates.get(i);
            int order = i;
            t.match(findings, scope).ifPresent(matched -> drafts.add(draft(order, t, matched)));
        }
        drafts.sort(Comparator.comparing((Draft d) -> d.risk).thenComparing(d -> d.impact)
                .thenComparing(d -> d.likelihood).thenComparingInt(d -> d.order));
        var scenarios = new ArrayList<Scenario>();
        for (Draft d : drafts) scenarios.add(d.toScenario("S-" + (scenarios.size() + 1)));
        return List.copyOf(scenarios);
    }

    private Draft draft(int order, ScenarioTemplate template, List<Finding> findings) {
        List<Asset> assets = scope.assetsOf(findings);
        Level impact = ImpactRating.of(assets);
        Level likelihood = LikelihoodRating.of(findings, kb);
        return new Draft(order, template, findings, assets, impact, likelihood, Risk.of(impact, likelihood));
    }

    /** ATLAS technique ids of the findings in kill-chain order; ties keep the order findings name them. */
    List<String> path(List<Finding> findings) {
        var ids = new LinkedHashSet<String>();
        findings.forEach(f -> ids.addAll(f.atlas()));
        return ids.stream().sorted(Comparator.comparingInt(kb::killChainOrderOfTechnique)).toList();
    }

    private final class Draft {
        final int order;
        final ScenarioTemplate template;
        final List<Finding> findings;
        final List<Asset> assets;
        final Level impact;
        final Level likelihood;
        final Risk risk;

        Draft(int order, ScenarioTemplate template, List<Finding> findings, List<Asset> assets, Level impact,
              Level likelihood, Risk risk) {
            this.order = order;
            this.template = template;
            this.findings = findings;
            this.assets = assets;
            this.impact = impact;
            this.likelihood = likelihood;
            this.risk = risk;
        }

        Scenario toScenario(String id) {
            List<String> targets = distinct(findings.stream().map(Finding::target).filter(Objects::nonNull)
                    .filter(t -> !t.isBlank()).toList());
            List<String> assetIds = assets.stream().map(Asset::id).toList();
            var controls = new LinkedHashSet<String>();
            findings.forEach(f -> controls.addAll(f.controls()));
            List<String> actors = template.motive().actorsIn(scope.threatActors()).stream().map(ThreatActor::id).toList();
            return new Scenario(id, template.title(), template.narrative(targets, assetIds),
                    findings.stream().map(Finding::id).toList(), path(findings), targets, assetIds, actors, impact,
                    likelihood, risk, List.copyOf(controls));
        }
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
