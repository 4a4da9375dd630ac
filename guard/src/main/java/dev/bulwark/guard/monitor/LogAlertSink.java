package dev.bulwark.guard.monitor;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Writes each alert as one WARNING line through the JDK's platform logger ({@code System.Logger}: java.util.logging
 * by default, or SLF4J when its JDK-platform-logging bridge is on the class path). The project's CLI ships
 * {@code slf4j-nop}, so the platform logger is what reaches the operator's terminal.
 */
public final class LogAlertSink implements AlertSink {
    private static final Logger LOG = System.getLogger("dev.bulwark.guard.monitor.alerts");

    @Override
    public void accept(ExtractionAlert alert) {
        LOG.log(Level.WARNING, () -> "extraction suspected: " + alert.describe() + " at " + alert.at());
    }
}
