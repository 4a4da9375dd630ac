package dev.bulwark.guard.config;

import java.net.URI;

/** Where limits and monitoring counters live: this process, or Redis shared by several instances. */
public record StateConfig(Backend backend, URI redisUrl) {
    /** A Redis URL may carry a password: never printed whole. */
    @Override
    public String toString() {
        return "StateConfig[backend=" + backend + ", redisUrl=" + Masked.uri(redisUrl) + "]";
    }

    public enum Backend { MEMORY, REDIS }
}
