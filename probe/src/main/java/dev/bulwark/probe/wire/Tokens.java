package dev.bulwark.probe.wire;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Fresh random markers for one attempt ({@code bwk} and 10 hex digits): lower case, letters and digits only, so
 * they survive URLs, HTML, SQL identifiers and file names unchanged, and a marker in a reply can only have come
 * from the attempt that planted it.
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String fresh() {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return "bwk" + HexFormat.of().formatHex(bytes);
    }
}
