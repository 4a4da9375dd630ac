package dev.bulwark.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.Check;
import dev.bulwark.core.CheckContext;
import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.http.Rules;
import dev.bulwark.core.scope.HttpTarget;
import dev.bulwark.core.scope.RulesOfEngagement;
import dev.bulwark.core.scope.Scope;
import dev.bulwark.core.scope.Target;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackTest {
    private static CheckDescriptor descriptor(String id, CheckDescriptor.Tier tier) {
        return new CheckDescriptor(id, id, WeaknessClass.JAILBREAK, tier, "x", "y");
    }

    /** A check that plans {@code perTarget} requests (or cannot say, when negative). */
    private static Check planned(String id, CheckDescriptor.Tier tier, int perTarget) {
        return new Check() {
            @Override
            public CheckDescriptor descriptor() {
                return PackTest.descriptor(id, tier);
            }

            @Override
            public boolean handles(Target target) {
                return !target.id().equals("skip-me");
            }

            @Override
            public CheckOutcome run(Target target, CheckContext context) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int plannedRequests(Target target, RulesOfEngagement rules) {
                return perTarget < 0 ? Check.UNKNOWN_REQUESTS : perTarget;
            }
        };
    }

    private static Target target(String id) {
        return new HttpTarget(id, URI.create("http://127.0.0.1/" + id), "POST", "{\"q\":\"{{prompt}}\"}", "$",
                Map.of(), Optional.empty(), List.of(), List.of());
    }

    @Test
    void packsSelectByTierAndTheQuickList() {
        CheckDescriptor core = descriptor("llm.jailbreak-roleplay", CheckDescriptor.Tier.CORE);
        CheckDescriptor quick = descriptor("llm.prompt-injection", CheckDescriptor.Tier.CORE);
        CheckDescriptor extended = descriptor("llm.many-shot", CheckDescriptor.Tier.EXTENDED);
        assertThat(Pack.QUICK.includes(quick)).isTrue();
        assertThat(Pack.QUICK.includes(core)).isFalse();
        assertThat(Pack.STANDARD.includes(core)).isTrue();
        assertThat(Pack.STANDARD.includes(extended)).isFalse();
        assertThat(Pack.THOROUGH.includes(extended)).isTrue();
        assertThat(Pack.parse(" Thorough")).isEqualTo(Pack.THOROUGH);
        assertThatThrownBy(() -> Pack.parse("huge")).hasMessageContaining("quick, standard, thorough");
    }

    @Test
    void thePlanSumsKnownEstimatesAndNamesTheUnknown() {
        Scope scope = new Scope(null, new Scope.Engagement("p", "o"), Rules.loopback(), List.of(),
                List.of(target("a"), target("b"), target("skip-me")), List.of(), List.of());
        RunPlan plan = RunPlan.of(scope, List.of(planned("x.one", CheckDescriptor.Tier.CORE, 7),
                planned("x.two", CheckDescriptor.Tier.CORE, 0), planned("x.three", CheckDescriptor.Tier.CORE, -1)));
        assertThat(plan.entries()).hasSize(6);
        assertThat(plan.total()).isEqualTo(14);
        assertThat(plan.unknown()).containsExactly("x.three");
        assertThat(plan.perCheck()).containsEntry("x.one", 14L).containsEntry("x.two", 0L).containsEntry("x.three", -1L);
        RunPlan rest = RunPlan.of(scope, List.of(planned("x.one", CheckDescriptor.Tier.CORE, 7)),
                (check, t) -> t.equals("a"));
        assertThat(rest.total()).isEqualTo(7);
    }
}
