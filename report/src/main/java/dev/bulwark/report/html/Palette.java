package dev.bulwark.report.html;

import dev.bulwark.core.Severity;
import dev.bulwark.correlate.Risk;

/** Chart colours; every chart also writes its values as text, so colour is never the only signal. */
final class Palette {
    static final String TRACK = "#eef0f3";
    static final String TESTED = "#2e7d32";
    static final String NOT_TESTED = "#9e9e9e";
    static final String WITH_FINDINGS = "#c62828";
    static final String NODE = "#e8eaf6";

    private Palette() {
    }

    static String severity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "#7f0000";
            case HIGH -> "#c62828";
            case MEDIUM -> "#ef6c00";
            case LOW -> "#f9a825";
            case INFO -> "#607d8b";
        };
    }

    static String risk(Risk risk) {
        return switch (risk) {
            case IMMEDIATE -> "#ffcdd2";
            case PLAN -> "#ffe0b2";
            case ACCEPT_AND_MONITOR -> "#fff9c4";
            case DOCUMENT -> "#e0f2f1";
        };
    }
}
