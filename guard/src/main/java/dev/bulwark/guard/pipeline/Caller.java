package dev.bulwark.guard.pipeline;

import dev.bulwark.guard.config.Limits;
import java.util.Set;

/**
 * An authenticated client.
 *
 * @param via    how it proved who it is: {@code key} or {@code jwt}
 * @param limits its own limits (the configured defaults when it has none)
 */
public record Caller(String clientId, Set<String> roles, String remoteIp, String via, Limits limits) {
    public Caller {
        roles = Set.copyOf(roles);
    }
}
