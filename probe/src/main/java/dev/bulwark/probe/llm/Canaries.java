package dev.bulwark.probe.llm;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Fresh canary codes: {@code BWK-} and 8 random hex digits, new for every attempt, so a code in a reply can only
 * have come from that attempt (not from a cache, a previous run or training data).
 */
final class Canaries {
    static final String PREFIX = "BWK-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Canaries() {
    }

    static String fresh() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return PREFIX + HexFormat.of().formatHex(bytes);
    }
}
