package dev.bulwark.supply.deps.manifest;

/** What a dependency is needed for, as far as the manifest says. */
public enum DependencyScope {
    /** Installed to run the project. */
    REQUIRED,
    /** An optional extra or optional package (PEP 621 optional-dependencies, npm optional). */
    OPTIONAL,
    /** Development only (npm dev, Pipfile develop, Poetry dev groups). */
    DEVELOPMENT,
    /** Maven test scope. */
    TEST,
    /** Maven provided / system: on the class path at build time, supplied by the runtime. */
    PROVIDED,
    /** A version constraint only (pip {@code -c}, Maven dependencyManagement): applies if something pulls it in. */
    CONSTRAINT
}
