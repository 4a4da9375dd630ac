package dev.bulwark.guard.monitor;

/**
 * Small, fixed (unseeded) hashes: FNV-1a over characters finished by the MurmurHash3 mixer. Fixed so that several
 * gateway instances hash the same prompt alike (Redis counts distinct prompts across them); where a hostile client
 * could exploit a known hash (the local distinct sampler), the caller mixes in its own per-process seed.
 */
final class Hashing {
    static final long SEED_EXACT = 0xcbf29ce484222325L;
    static final long SEED_TEMPLATE = 0x9e3779b97f4a7c15L;
    static final int TOKEN_SEED = 0x811c9dc5;

    private Hashing() {
    }

    static long step(long h, char c) {
        return (h ^ c) * 0x100000001b3L;
    }

    static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    static int mix32(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
