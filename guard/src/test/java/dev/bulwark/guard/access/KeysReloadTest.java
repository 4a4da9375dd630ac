package dev.bulwark.guard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.guard.config.ClientConfig;
import dev.bulwark.guard.config.GuardConfig;
import dev.bulwark.guard.config.KeysFile;
import dev.bulwark.guard.config.RoleConfig;
import dev.bulwark.guard.pipeline.AccessControl;
import dev.bulwark.guard.pipeline.AccessControl.Authenticated;
import dev.bulwark.guard.pipeline.AccessControl.Authentication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys added to or removed from the keys file take effect in a running gateway without a restart; a keys file that
 * cannot be used leaves the keys loaded before in force.
 */
class KeysReloadTest {
    private static final Duration POLL = Duration.ofMillis(50);
    private static final List<RoleConfig> ROLES = List.of(new RoleConfig("chat", List.of("chat"), List.of("*"), List.of()));
    private static final String CONFIG_KEY = "bk_live_configured_client_key_0001";

    @TempDir
    Path dir;
    private AccessControl access;

    @AfterEach
    void close() throws Exception {
        if (access instanceof AutoCloseable c) c.close();
    }

    private GuardConfig config(Path keysFile) throws Exception {
        return Configs.withKeysFile(dir.resolve("guard.yaml"), keysFile,
                List.of(new ClientConfig("configured", Configs.sha256(CONFIG_KEY), List.of("chat"), null)), ROLES, null);
    }

    private Authentication as(String key) {
        return access.authenticate(Configs.head(Map.of("authorization", "Bearer " + key)));
    }

    /** Polls until {@code key}'s authentication satisfies {@code expected} (the watcher runs every 50 ms). */
    private void eventually(String key, Predicate<Authentication> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!expected.test(as(key))) {
            if (System.nanoTime() > deadline) throw new AssertionError("the keys file change was not picked up in 10 s");
            Thread.sleep(20);
        }
    }

    private static boolean accepted(Authentication a) {
        return a instanceof Authenticated;
    }

    @Test
    void addedKeyWorksAndRemovedKeyStopsWithoutARestart() throws Exception {
        KeysFile keys = KeysFile.at(dir.resolve("guard-keys.jsonl"));
        String first = keys.add("first-app", List.of("chat"), Instant.now()).key();
        access = Access.from(config(keys.path()), JwksCache.MIN_ON_DEMAND_INTERVAL, POLL);
        assertThat(as(first)).isInstanceOf(Authenticated.class);

        String second = keys.add("second-app", List.of("chat"), Instant.now()).key();
        eventually(second, KeysReloadTest::accepted);
        assertThat(((Authenticated) as(second)).caller().clientId()).isEqualTo("second-app");

        assertThat(keys.remove("first-app")).isTrue();
        eventually(first, a -> !accepted(a));
        assertThat(as(second)).isInstanceOf(Authenticated.class);
        assertThat(as(CONFIG_KEY)).as("clients of guard.yaml are not in the keys file and stay").isInstanceOf(Authenticated.class);
    }

    @Test
    void keysFileCreatedAfterTheStartIsRead() throws Exception {
        KeysFile keys = KeysFile.at(dir.resolve("guard-keys.jsonl"));
        access = Access.from(config(keys.path()), JwksCache.MIN_ON_DEMAND_INTERVAL, POLL);
        String key = keys.add("late-app", List.of("chat"), Instant.now()).key();
        eventually(key, KeysReloadTest::accepted);
    }

    @Test
    void unusableKeysFileKeepsTheKeysFromBeforeUntilItIsFixed() throws Exception {
        KeysFile keys = KeysFile.at(dir.resolve("guard-keys.jsonl"));
        String first = keys.add("first-app", List.of("chat"), Instant.now()).key();
        access = Access.from(config(keys.path()), JwksCache.MIN_ON_DEMAND_INTERVAL, POLL);
        String good = Files.readString(keys.path());

        // a hand edit gone wrong, then one naming a role the config does not define
        Files.writeString(keys.path(), good + "{\"id\":\"broken\",\"keySha256\":\"zz\"}\n");
        Thread.sleep(POLL.toMillis() * 6);
        assertThat(as(first)).isInstanceOf(Authenticated.class);
        String other = keys.path().resolveSibling("other.jsonl").toString();
        KeysFile ops = KeysFile.at(Path.of(other));
        String opsKey = ops.add("ops-app", List.of("ops"), Instant.now()).key();
        Files.writeString(keys.path(), good + Files.readString(Path.of(other)));
        Thread.sleep(POLL.toMillis() * 6);
        assertThat(as(first)).isInstanceOf(Authenticated.class);
        assertThat(accepted(as(opsKey))).isFalse();

        Files.writeString(keys.path(), "");
        eventually(first, a -> !accepted(a));
    }

    @Test
    void unusableKeysFileAtStartIsAnError() throws Exception {
        Path file = dir.resolve("guard-keys.jsonl");
        Files.writeString(file, "not json\n");
        assertThatThrownBy(() -> Access.from(config(file), JwksCache.MIN_ON_DEMAND_INTERVAL, POLL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("guard-keys.jsonl");
    }
}
