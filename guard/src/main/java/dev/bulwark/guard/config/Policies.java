package dev.bulwark.guard.config;

/**
 * @param failClosed when a scanner throws or times out: true refuses the request (default), false lets it through
 *                   flagged; the audit says which either way
 */
public record Policies(InputPolicy input, OutputPolicy output, ExtractionPolicy extraction, CorsPolicy cors,
                       Limits defaultLimits, Limits globalLimits, Limits perIpLimits, boolean failClosed) {
}
