package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.demo.DemoScope;
import dev.bulwark.core.Check;
import dev.bulwark.core.engine.Pack;
import dev.bulwark.core.engine.RunPlan;
import dev.bulwark.core.scope.Scope;
import dev.bulwark.core.scope.ScopeLoader;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request budget of each pack against the demo's two targets (issue 4: standard stays within 1,500). */
class PackPlanTest {
    static final long STANDARD_LIMIT = 1_500;

    private static Scope demoScope() throws Exception {
        return ScopeLoader.parse(DemoScope.yaml(URI.create("http://127.0.0.1:8080")), Path.of("demo.yaml"), Map.of());
    }

    @Test
    void theStandardPackStaysWithinFifteenHundredRequestsForTheDemo() throws Exception {
        Scope scope = demoScope();
        assertThat(scope.targets()).hasSize(2);
        RunPlan plan = RunPlan.of(scope, Assessor.checks(scope, Pack.STANDARD));
        assertThat(plan.total()).as("planned requests of the standard pack: %s", plan.perCheck())
                .isLessThanOrEqualTo(STANDARD_LIMIT);
    }

    @Test
    void everyStandardCheckEstimatesItsRequests() throws Exception {
        Scope scope = demoScope();
        RunPlan plan = RunPlan.of(scope, Assessor.checks(scope, Pack.STANDARD));
        // a check without an estimate would make the total a lower bound, and the budget check blind to it
        assertThat(plan.unknown()).as("checks without a request estimate").isEmpty();
        assertThat(plan.entries()).allMatch(RunPlan.Entry::known);
        assertThat(plan.total()).isLessThanOrEqualTo(STANDARD_LIMIT);
    }

    @Test
    void packsNest() throws Exception {
        Scope scope = demoScope();
        List<String> quick = ids(Assessor.checks(scope, Pack.QUICK));
        List<String> standard = ids(Assessor.checks(scope, Pack.STANDARD));
        List<String> thorough = ids(Assessor.checks(scope, Pack.THOROUGH));
        assertThat(quick).containsExactlyInAnyOrderElementsOf(Pack.QUICK_CHECKS);
        assertThat(standard).containsAll(quick).hasSizeGreaterThanOrEqualTo(quick.size());
        assertThat(thorough).containsAll(standard);
        long quickTotal = RunPlan.of(scope, Assessor.checks(scope, Pack.QUICK)).total();
        assertThat(quickTotal).isPositive().isLessThanOrEqualTo(RunPlan.of(scope, Assessor.checks(scope, Pack.STANDARD)).total());
    }

    private static List<String> ids(List<Check> checks) {
        return checks.stream().map(c -> c.descriptor().id()).toList();
    }
}
