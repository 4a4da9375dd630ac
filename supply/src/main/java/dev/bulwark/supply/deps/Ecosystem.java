package dev.bulwark.supply.deps;

/** Package ecosystems we read manifests for, with the name OSV uses for each. */
public enum Ecosystem {
    PYPI("PyPI", "pypi"),
    NPM("npm", "npm"),
    MAVEN("Maven", "maven"),
    /** Conda packages have no OSV feed of their own; a conda package that is also on PyPI is checked there. */
    CONDA("conda", "conda");

    private final String osvName;
    private final String purlType;

    Ecosystem(String osvName, String purlType) {
        this.osvName = osvName;
        this.purlType = purlType;
    }

    /** The ecosystem name in OSV records ("PyPI", "npm", "Maven"). */
    public String osvName() {
        return osvName;
    }

    /** The package-url type ("pypi", "npm", "maven", "conda"). */
    public String purlType() {
        return purlType;
    }
}
