package dev.bulwark.cli;

/**
 * One line per log record (time with zone, level, logger, message), instead of java.util.logging's default of two
 * lines with a 12-hour clock: the gateway's warnings and alerts go to journald or a log shipper, which reads lines.
 * An operator's own {@code java.util.logging.config.file} or format property wins.
 */
final class LogLines {
    static final String FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";
    static final String FORMAT = "%1$tFT%1$tT.%1$tL%1$tz %4$s %3$s: %5$s%6$s%n";

    private LogLines() {
    }

    /** Call before anything logs: the console handler's formatter reads the property when it is made. */
    static void install() {
        if (System.getProperty("java.util.logging.config.file") != null) return;
        if (System.getProperty(FORMAT_PROPERTY) == null) System.setProperty(FORMAT_PROPERTY, FORMAT);
    }
}
