package dev.bulwark.probe;

import dev.bulwark.core.scope.PromptTarget;
import java.util.Locale;
import java.util.Set;

/**
 * Which request headers carry credentials: the well-known ones, the target's own {@code auth} header, and any
 * whose name says token, secret or key. Evidence masks their values; the anonymous client does not send them.
 */
public final class Credentials {
    private static final Set<String> SENSITIVE = Set.of("authorization", "proxy-authorization", "cookie", "x-api-key",
            "api-key");

    private Credentials() {
    }

    public static boolean isCredentialHeader(String header, PromptTarget target) {
        String name = header.toLowerCase(Locale.ROOT);
        return SENSITIVE.contains(name)
                || target.auth().map(a -> a.header().equalsIgnoreCase(header)).orElse(false)
                || name.contains("token") || name.contains("secret") || name.contains("key")
                || name.contains("session") || name.contains("csrf") || name.contains("xsrf");
    }
}
