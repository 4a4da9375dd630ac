package dev.bulwark.kb;

import java.util.List;

/**
 * One CISA Known Exploited Vulnerabilities entry: the CVE is being exploited in the wild, which raises the
 * likelihood of any scenario built on it. {@code knownRansomwareCampaignUse} is "Known" or "Unknown".
 */
public record KevEntry(String cveId, String vendorProject, String product, String vulnerabilityName,
                       String dateAdded, String shortDescription, String requiredAction, String dueDate,
                       String knownRansomwareCampaignUse, List<String> cwes) {
    public KevEntry {
        cwes = cwes == null ? List.of() : List.copyOf(cwes);
    }

    public boolean usedByRansomware() {
        return "Known".equalsIgnoreCase(knownRansomwareCampaignUse);
    }
}
