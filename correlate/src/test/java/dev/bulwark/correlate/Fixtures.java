package dev.bulwark.correlate;

import dev.bulwark.core.Classification;
import dev.bulwark.core.Confidence;
import dev.bulwark.core.Coverage;
import dev.bulwark.core.Evidence;
import dev.bulwark.core.Finding;
import dev.bulwark.core.VerdictTally;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.engine.CheckRun;
import dev.bulwark.core.engine.RunResult;
import dev.bulwark.core.scope.Asset;
import dev.bulwark.core.scope.Asset.AssetKind;
import dev.bulwark.core.scope.LlmChatTarget;
import dev.bulwark.core.scope.RulesOfEngagement;
import dev.bulwark.core.scope.Scope;
import dev.bulwark.core.scope.Target;
import dev.bulwark.core.scope.ThreatActor;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds scopes, findings and runs for correlation tests. */
final class Fixtures {
    static final Asset CUSTOMERS = new Asset("customers", AssetKind.DATASET, Classification.RESTRICTED, "customer records");
    static final Asset HANDBOOK = new Asset("handbook", AssetKind.DATASET, Classification.INTERNAL, "staff handbook");
    static final Asset BROCHURE = new Asset("brochure", AssetKind.SERVICE, Classification.PUBLIC, "public site");
    static final Asset MODEL_API = new Asset("pricing-model", AssetKind.MODEL_API, Classification.CONFIDENTIAL, "pricing model");

    private Fixtures() {
    }

    static Target target(String id, Asset... assets) {
        return new LlmChatTarget(id, URI.create("http://127.0.0.1:9/" + id), "m", Optional.empty(), List.of(),
                List.of(assets).stream().map(Asset::id).toList());
    }

    static Scope scope(List<ThreatActor> actors, Target... targets) {
        var rules = new RulesOfEngagement(List.of("127.0.0.1"), 10, 100, false, Duration.ofSeconds(5), 1, null, null);
        return new Scope(Path.of("bulwark.yaml"), new Scope.Engagement("test", "tester"), rules,
                List.of(CUSTOMERS, HANDBOOK, BROCHURE, MODEL_API), List.of(targets), actors, List.of());
    }

    /** A typical scope: a support bot over customer data, a public FAQ bot, a model API, an internal helper. */
    static Scope scope() {
        return scope(List.of(ThreatActor.values()), target("bot", CUSTOMERS), target("bot2", CUSTOMERS),
                target("faq", BROCHURE), target("api", MODEL_API), target("helper", HANDBOOK), target("bare"));
    }

    static Finding finding(WeaknessClass weakness, String target, Confidence confidence, int attempts, int successes) {
        return Finding.builder("test." + weakness.id(), weakness).title(weakness.id() + " on " + target).target(target)
                .confidence(confidence).evidence(new Evidence(attempts, successes, "req", "resp", List.of())).build();
    }

    static Finding finding(WeaknessClass weakness, String target) {
        return finding(weakness, target, Confidence.FIRM, 1, 1);
    }

    /** A finding of a named check (scenarios that need one particular check, e.g. deps.unsafe-loader). */
    static Finding finding(String check, WeaknessClass weakness, String target) {
        return Finding.builder(check, weakness).title(check + " on " + target).target(target)
                .evidence(new Evidence(1, 1, "req", "resp", List.of())).build();
    }

    static RunResult run(List<Finding> findings, CheckRun... runs) {
        return new RunResult("test", Instant.EPOCH, Instant.EPOCH.plusSeconds(1), 10, true, findings, List.of(runs), List.of());
    }

    static RunResult run(Finding... findings) {
        return run(List.of(findings));
    }

    static CheckRun checkRun(WeaknessClass weakness, Coverage coverage) {
        var tally = coverage == Coverage.TESTED ? new VerdictTally(1, 2, 0, 0, "") : new VerdictTally(0, 0, 3, 0, "timeout");
        return new CheckRun("test." + weakness.id(), "bot", weakness, coverage, tally, "");
    }

    static List<Finding> list(Finding... findings) {
        return new ArrayList<>(List.of(findings));
    }
}
