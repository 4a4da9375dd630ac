package dev.bulwark.core.scope;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * A validated engagement scope ({@code bulwark.yaml}): who asked for the test, the rules of engagement, what is
 * worth protecting, what may be tested, and who might attack it. Built only by {@link ScopeLoader}, so every
 * instance has passed the schema and the cross-reference checks. {@code probes}: the folder of YAML custom probes
 * ({@code probes:}, resolved against the scope file's folder), when the scope names one. {@code judge}: the optional
 * LLM judge ({@code judge:}) consulted for attempts the deterministic judges cannot decide.
 */
public record Scope(
        Path source,
        Engagement engagement,
        RulesOfEngagement rules,
        List<Asset> assets,
        List<Target> targets,
        List<ThreatActor> threatActors,
        List<TrustBoundary> trustBoundaries,
        Optional<Path> probes,
        Optional<JudgeEndpoint> judge,
        List<X509Certificate> trustedCertificates) {

    public Scope {
        assets = List.copyOf(assets);
        targets = List.copyOf(targets);
        threatActors = List.copyOf(threatActors);
        trustBoundaries = List.copyOf(trustBoundaries);
        probes = probes == null ? Optional.empty() : probes;
        judge = judge == null ? Optional.empty() : judge;
        trustedCertificates = trustedCertificates == null ? List.of() : List.copyOf(trustedCertificates);
    }

    /** A scope that trusts only the system's certificate authorities. */
    public Scope(Path source, Engagement engagement, RulesOfEngagement rules, List<Asset> assets, List<Target> targets,
                 List<ThreatActor> threatActors, List<TrustBoundary> trustBoundaries, Optional<Path> probes,
                 Optional<JudgeEndpoint> judge) {
        this(source, engagement, rules, assets, targets, threatActors, trustBoundaries, probes, judge, List.of());
    }

    /** A scope without an LLM judge. */
    public Scope(Path source, Engagement engagement, RulesOfEngagement rules, List<Asset> assets, List<Target> targets,
                 List<ThreatActor> threatActors, List<TrustBoundary> trustBoundaries, Optional<Path> probes) {
        this(source, engagement, rules, assets, targets, threatActors, trustBoundaries, probes, Optional.empty());
    }

    /** The same scope under other rules (e.g. the budget a resumed run has left); everything else is kept. */
    public Scope withRules(RulesOfEngagement newRules) {
        return new Scope(source, engagement, newRules, assets, targets, threatActors, trustBoundaries, probes, judge,
                trustedCertificates);
    }

    /** A scope without a custom probe folder. */
    public Scope(Path source, Engagement engagement, RulesOfEngagement rules, List<Asset> assets, List<Target> targets,
                 List<ThreatActor> threatActors, List<TrustBoundary> trustBoundaries) {
        this(source, engagement, rules, assets, targets, threatActors, trustBoundaries, Optional.empty(),
                Optional.empty());
    }

    public Optional<Asset> asset(String id) {
        return assets.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<Target> target(String id) {
        return targets.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Who asked for the engagement. */
    public record Engagement(String name, String owner) {
    }

    /** A place where trust assumptions change (book §2.3 step 2), e.g. "internet users → support bot". */
    public record TrustBoundary(String from, String to, String description) {
    }
}
