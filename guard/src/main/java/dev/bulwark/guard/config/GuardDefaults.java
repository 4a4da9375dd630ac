package dev.bulwark.guard.config;

import java.time.Duration;
import java.util.List;

/**
 * The defaults of {@code guard.yaml}, in one place (docs/guard.md lists the same): with only {@code listen} and
 * {@code upstreams} given, every protection is on and no client can call without a key.
 */
public final class GuardDefaults {
    public static final String HOST = "127.0.0.1";
    public static final int PORT = 8080;
    public static final int ADMIN_PORT = 9090;
    /** Enough for an app's connection pool, few enough that one address cannot hold every file descriptor. */
    public static final int MAX_CONNECTIONS_PER_ADDRESS = 256;

    public static final List<String> ANY_MODEL = List.of("*");
    public static final List<String> ANY_TOOL = List.of("*");
    public static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(120);
    public static final String AZURE_API_VERSION = "2024-10-21";

    public static final String KEYS_FILE = "guard-keys.jsonl";
    public static final List<String> CLIENT_ROLES = List.of("chat");
    /** Built in unless {@code roles:} redefines a role of the same name. */
    public static final List<RoleConfig> ROLES = List.of(
            new RoleConfig("chat", List.of("chat", "completions", "models"), ANY_MODEL),
            new RoleConfig("embeddings", List.of("embeddings", "models"), ANY_MODEL));

    public static final String JWT_CLIENT_CLAIM = "sub";
    public static final String JWT_ROLES_CLAIM = "roles";
    public static final Duration JWT_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final Duration JWT_REFRESH = Duration.ofSeconds(300);

    public static final InputPolicy INPUT = new InputPolicy(262_144, 256, null, Action.BLOCK, 0.5, true, true,
            Action.REDACT, Action.BLOCK);
    /** {@code dev.bulwark.detect.scope.TopicScope#DEFAULT_THRESHOLD}. */
    public static final double SCOPE_THRESHOLD = 0.35;
    public static final OutputPolicy OUTPUT = new OutputPolicy(Action.REDACT, Action.REDACT, List.of(), null,
            OutputPolicy.ImageAction.STRIP_EXTERNAL, List.of(), OutputPolicy.HtmlAction.ESCAPE, false,
            OutputPolicy.ToolCallAction.BLOCK);
    public static final ExtractionPolicy EXTRACTION = new ExtractionPolicy(true, Duration.ofHours(1), 1000, 0.3, 50,
            0.8, ExtractionPolicy.ExtractionAction.THROTTLE);
    /** 60 a minute, at most 5 in any second: a per-minute bucket alone would let a minute's quota through at once. */
    public static final Limits CLIENT_LIMITS = new Limits(60, null, null, 200_000L, null, 5);
    public static final Limits GLOBAL_LIMITS = Limits.NONE;
    public static final Limits PER_IP_LIMITS = new Limits(120, null, null, null, null);
    public static final boolean FAIL_CLOSED = true;

    public static final String AUDIT_FILE = "audit.jsonl";
    public static final String AUDIT_SIGNING_KEY = "audit-signing.pem";
    public static final int AUDIT_CHECKPOINT_EVERY = 1000;
    /** A file of this size holds roughly 250,000 records of ordinary chat traffic. */
    public static final int AUDIT_ROTATE_MEGABYTES = 256;

    private GuardDefaults() {
    }
}
