package dev.bulwark.guard.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.guard.config.Admin;
import dev.bulwark.guard.config.AlertsConfig;
import dev.bulwark.guard.config.AuditConfig;
import dev.bulwark.guard.config.ClientConfig;
import dev.bulwark.guard.config.CorsPolicy;
import dev.bulwark.guard.config.GuardConfig;
import dev.bulwark.guard.config.Limits;
import dev.bulwark.guard.config.Listen;
import dev.bulwark.guard.config.Policies;
import dev.bulwark.guard.config.StateConfig;
import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.RateLimiter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LimitersTest {
    static GuardConfig config(List<ClientConfig> clients, Limits perIp, Limits global) {
        Policies policies = new Policies(null, null, null, new CorsPolicy(List.of()), Limits.NONE, global, perIp, true);
        return new GuardConfig(null, new Listen("127.0.0.1", 0, null), new Admin(false, "127.0.0.1", 0), List.of(),
                clients, null, List.of(), null, policies, new AuditConfig(null, null, null, 100,
                AuditConfig.TextMode.HASH, "test"), new StateConfig(StateConfig.Backend.MEMORY, null),
                new AlertsConfig(null));
    }

    @Test
    void the_memory_backend_applies_per_ip_and_global_limits_from_the_policies() {
        try (RateLimiter limiter = Limiters.from(config(List.of(), new Limits(1, null, null, null, null),
                new Limits(2, null, null, null, null)))) {
            Caller a = new Caller("a", Set.of(), "10.0.0.1", "key", Limits.NONE);
            Caller b = new Caller("b", Set.of(), "10.0.0.2", "key", Limits.NONE);
            Caller c = new Caller("c", Set.of(), "10.0.0.3", "key", Limits.NONE);
            assertThat(limiter.admit(a, 0).toCompletableFuture().join().allowed()).isTrue();
            var sameIp = limiter.admit(a, 0).toCompletableFuture().join();
            assertThat(sameIp.scope()).isEqualTo("ip");
            assertThat(limiter.admit(b, 0).toCompletableFuture().join().allowed()).isTrue();
            var third = limiter.admit(c, 0).toCompletableFuture().join();
            assertThat(third.allowed()).isFalse();
            assertThat(third.scope()).isEqualTo("global");
        }
    }

    @Test
    void a_zero_or_negative_limit_stops_the_start() {
        assertThatThrownBy(() -> Limiters.from(config(List.of(new ClientConfig("x", null, List.of(),
                new Limits(0, null, null, null, null))), Limits.NONE, Limits.NONE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> Limiters.from(config(List.of(), new Limits(null, null, null, null, -1), Limits.NONE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConcurrent");
    }
}
