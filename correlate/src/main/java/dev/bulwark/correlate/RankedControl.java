package dev.bulwark.correlate;

import java.util.List;

/** A control and what switching it on breaks: the prioritized fix list is these, most scenarios first. */
public record RankedControl(int rank, String control, String title, String bulwarkFeature, List<String> scenarios,
                           List<String> findings) {
    public RankedControl {
        scenarios = List.copyOf(scenarios);
        findings = List.copyOf(findings);
    }
}
