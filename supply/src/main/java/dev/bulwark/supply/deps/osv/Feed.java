package dev.bulwark.supply.deps.osv;

import dev.bulwark.supply.deps.Ecosystem;
import java.util.Optional;

/** The data sources {@code db update} keeps offline. */
public enum Feed {
    OSV_PYPI("OSV PyPI", Ecosystem.PYPI),
    OSV_NPM("OSV npm", Ecosystem.NPM),
    OSV_MAVEN("OSV Maven", Ecosystem.MAVEN),
    KEV("CISA KEV", null),
    EPSS("FIRST EPSS", null);

    private final String label;
    private final Ecosystem ecosystem;

    Feed(String label, Ecosystem ecosystem) {
        this.label = label;
        this.ecosystem = ecosystem;
    }

    public String label() {
        return label;
    }

    /** The ecosystem of an OSV feed; empty for KEV and EPSS. */
    public Optional<Ecosystem> ecosystem() {
        return Optional.ofNullable(ecosystem);
    }

    GenerationStore store(CacheLocation cache) {
        return switch (this) {
            case KEV -> cache.kev();
            case EPSS -> cache.epss();
            default -> cache.osv(ecosystem);
        };
    }
}
