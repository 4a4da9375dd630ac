package dev.bulwark.cli;

import dev.bulwark.cli.demo.DemoTarget;
import dev.bulwark.core.scope.Scope;
import dev.bulwark.core.scope.ScopeException;
import dev.bulwark.core.scope.ScopeLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code demo --hardened}: the fixed demo target with a fresh random key. The key never touches the disk or a log:
 * the written scope says {@code Bearer ${BULWARK_DEMO_KEY}} and the loader gets the value from an in-memory copy of
 * the environment.
 */
final class HardenedDemo {
    static final String KEY_VARIABLE = "BULWARK_DEMO_KEY";
    /**
     * The demo's rate limit for this run: bursts of 5, refilled at 30 a second. A limiter that lets a client through
     * at the engagement's own pace (50 a second) would also let the rate-limit check's burst through, since the
     * burst goes no faster; so this one throttles the scan too, and the client's Retry-After handling slows the
     * run down to what the target allows — as a real rate-limited API would.
     */
    static final DemoTarget.RateLimit RATE_LIMIT = new DemoTarget.RateLimit(5, 30);

    private HardenedDemo() {
    }

    static DemoTarget.Options options() {
        return new DemoTarget.Options(0, true).withRateLimit(RATE_LIMIT);
    }

    static Scope loadScope(Path scopeFile, String apiKey) throws ScopeException {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put(KEY_VARIABLE, apiKey);
        return ScopeLoader.load(scopeFile, env);
    }
}
