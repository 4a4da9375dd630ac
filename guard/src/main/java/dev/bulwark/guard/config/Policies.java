package dev.bulwark.guard.config;

import java.util.List;

/**
 * @param failClosed   when a scanner throws or times out: true refuses the request (default), false lets it through
 *                     flagged; the audit says which either way
 * @param piiAllowList personal data the business publishes on purpose (its assistant's name, its own company name, a
 *                     public contact address): found text equal to one of these, ignoring case, is neither redacted
 *                     nor blocked, in requests or replies
 */
public record Policies(InputPolicy input, OutputPolicy output, ExtractionPolicy extraction, CorsPolicy cors,
                       Limits defaultLimits, Limits globalLimits, Limits perIpLimits, boolean failClosed,
                       List<String> piiAllowList) {
    public Policies {
        piiAllowList = List.copyOf(piiAllowList);
    }

    /** Policies with nothing on the allow list. */
    public Policies(InputPolicy input, OutputPolicy output, ExtractionPolicy extraction, CorsPolicy cors,
                    Limits defaultLimits, Limits globalLimits, Limits perIpLimits, boolean failClosed) {
        this(input, output, extraction, cors, defaultLimits, globalLimits, perIpLimits, failClosed, List.of());
    }
}
