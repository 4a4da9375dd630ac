package dev.bulwark.kb;

import dev.bulwark.core.Cvss;
import java.util.Locale;
import us.springett.cvss.MalformedVectorException;
import us.springett.cvss.Score;

/**
 * Scores CVSS vectors with {@code us.springett:cvss-calculator}: versions 3.0, 3.1 and 4.0. For 3.x the result is
 * the base score (temporal and environmental metrics in the vector are accepted but ignored, as DESIGN asks for
 * base scores). For 4.0 it is the library's single CVSS-BTE score, which equals the base score (CVSS-B) when the
 * vector holds only base metrics. CVSS 2 is refused: the catalogs and advisories we read carry 3.x or 4.0.
 */
public final class CvssScorer {
    /** Real vectors are under 200 characters; anything far longer is hostile or broken input. */
    private static final int MAX_VECTOR_LENGTH = 512;

    private CvssScorer() {
    }

    /**
     * @throws IllegalArgumentException when the vector is not a well-formed CVSS 3.0, 3.1 or 4.0 vector
     */
    public static Cvss score(String vector) {
        if (vector == null || vector.isBlank()) throw new IllegalArgumentException("empty CVSS vector");
        String v = vector.trim();
        if (v.length() > MAX_VECTOR_LENGTH) throw new IllegalArgumentException("CVSS vector too long: " + v.length());
        String version = version(v);
        us.springett.cvss.Cvss parsed;
        try {
            parsed = us.springett.cvss.Cvss.fromVector(v);
        } catch (MalformedVectorException | IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("malformed CVSS " + version + " vector '" + v + "': " + e.getMessage(), e);
        }
        if (parsed == null) throw new IllegalArgumentException("unrecognised CVSS vector '" + v + "'");
        Score score = parsed.calculateScore();
        double base = score.getBaseScore();
        if (Double.isNaN(base) || base < 0.0 || base > 10.0) {
            throw new IllegalArgumentException("CVSS vector '" + v + "' scored out of range: " + base);
        }
        return new Cvss(version, v, base);
    }

    private static String version(String v) {
        String upper = v.toUpperCase(Locale.ROOT);
        if (upper.startsWith("CVSS:3.1/")) return "3.1";
        if (upper.startsWith("CVSS:3.0/")) return "3.0";
        if (upper.startsWith("CVSS:4.0/")) return "4.0";
        throw new IllegalArgumentException("unsupported CVSS vector '" + v + "' (expected CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/)");
    }
}
