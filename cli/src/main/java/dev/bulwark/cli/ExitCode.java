package dev.bulwark.cli;

/** The process exit codes of DESIGN's command-line contract. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int BAD_INPUT = 2;
    public static final int UNREACHABLE_OR_INTERNAL = 3;

    private ExitCode() {
    }
}
