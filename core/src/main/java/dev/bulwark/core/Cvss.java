package dev.bulwark.core;

import java.util.Objects;

/** A scored CVSS vector. */
public record Cvss(String version, String vector, double score) {
    public Cvss {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(vector, "vector");
        if (score < 0.0 || score > 10.0) throw new IllegalArgumentException("CVSS score out of range: " + score);
    }

    public Severity severity() {
        return Severity.fromCvss(score);
    }
}
