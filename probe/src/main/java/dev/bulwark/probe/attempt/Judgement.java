package dev.bulwark.probe.attempt;

import dev.bulwark.core.Verdict;
import java.util.Objects;

/**
 * A judge's decision on one attempt: the verdict, why, and the text it looked at ({@code observed}: the answer,
 * the error body, the CORS headers…). {@code observed} is raw; it is masked when evidence is built.
 */
public record Judgement(Verdict verdict, String reason, String observed) {
    public Judgement {
        Objects.requireNonNull(verdict, "verdict");
        reason = reason == null ? "" : reason;
        observed = observed == null ? "" : observed;
    }

    public static Judgement hit(String reason, String observed) {
        return new Judgement(Verdict.HIT, reason, observed);
    }

    public static Judgement pass(String reason, String observed) {
        return new Judgement(Verdict.PASS, reason, observed);
    }

    public static Judgement error(String reason) {
        return new Judgement(Verdict.ERROR, reason, "");
    }

    public static Judgement unscorable(String reason, String observed) {
        return new Judgement(Verdict.UNSCORABLE, reason, observed);
    }
}
