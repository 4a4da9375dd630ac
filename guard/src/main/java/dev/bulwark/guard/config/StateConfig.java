package dev.bulwark.guard.config;

import java.net.URI;

/** Where limits and monitoring counters live: this process, or Redis shared by several instances. */
public record StateConfig(Backend backend, URI redisUrl) {
    public enum Backend { MEMORY, REDIS }
}
