package dev.bulwark.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.Check;
import dev.bulwark.core.CheckContext;
import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.VerdictTally;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.scope.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckRegistryTest {

    /** Listed in this module's test META-INF/services file, after {@link Beta}, to prove discovery sorts. */
    public static class Alpha extends Listed {
        public Alpha() {
            super("listed.alpha");
        }
    }

    public static class Beta extends Listed {
        public Beta() {
            super("listed.beta");
        }
    }

    abstract static class Listed implements Check {
        private final String id;

        Listed(String id) {
            this.id = id;
        }

        @Override
        public CheckDescriptor descriptor() {
            return new CheckDescriptor(id, id, WeaknessClass.PERMISSIVE_CORS, CheckDescriptor.Tier.CORE, "nothing",
                    "listed for the registry test");
        }

        @Override
        public boolean handles(Target target) {
            return false;
        }

        @Override
        public CheckOutcome run(Target target, CheckContext context) {
            return CheckOutcome.notTested("never runs", VerdictTally.EMPTY);
        }
    }

    @Test
    void discoversChecksThroughTheServiceLoaderSortedById() {
        CheckRegistry registry = CheckRegistry.discover();
        assertThat(registry.checks()).extracting(c -> c.descriptor().id()).containsExactly("listed.alpha", "listed.beta");
        assertThat(registry.byId("listed.beta")).get().isInstanceOf(Beta.class);
        assertThat(registry.byId("listed.gamma")).isEmpty();
        assertThat(registry.size()).isEqualTo(2);
    }

    @Test
    void duplicateIdsAreRejectedAtStartUpNamingBothClasses() {
        var one = new FakeCheck("dup.same", (t, c) -> null);
        var two = new Alpha() {
            @Override
            public CheckDescriptor descriptor() {
                return one.descriptor();
            }
        };
        assertThatThrownBy(() -> CheckRegistry.of(List.of(one, two)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("duplicate check id 'dup.same'")
                .hasMessageContaining(FakeCheck.class.getName());
    }

    @Test
    void aCheckWithoutAUsableDescriptorIsRejectedAtStartUp() {
        var broken = new Alpha() {
            @Override
            public CheckDescriptor descriptor() {
                return null;
            }
        };
        assertThatThrownBy(() -> CheckRegistry.of(List.of(broken)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no usable descriptor");
    }

    @Test
    void theDescriptorIsAskedForOnce() {
        int[] asked = {0};
        var counting = new Beta() {
            @Override
            public CheckDescriptor descriptor() {
                asked[0]++;
                return super.descriptor();
            }
        };
        CheckRegistry registry = CheckRegistry.of(List.of(counting));
        registry.descriptor(counting);
        registry.descriptor(counting);
        assertThat(asked[0]).isEqualTo(1);
    }
}
