package dev.bulwark.supply.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.bulwark.supply.deps.Dependency;
import dev.bulwark.supply.deps.manifest.Pep508;
import java.util.Optional;

/** Package URLs for dependencies: pkg:pypi/name@v (PEP 503 name), pkg:npm/%40scope/name@v, pkg:maven/group/artifact@v. */
public final class Purls {
    private Purls() {
    }

    /** Empty when the name cannot form a valid purl (it is still listed, without one). */
    public static Optional<String> of(Dependency d) {
        String version = d.version().orElse(null);
        try {
            PackageURL purl = switch (d.ecosystem()) {
                case PYPI -> new PackageURL("pypi", null, Pep508.normalize(d.name()), version, null, null);
                case CONDA -> new PackageURL("conda", null, d.name().toLowerCase(java.util.Locale.ROOT), version, null, null);
                case NPM -> {
                    int slash = d.name().indexOf('/');
                    boolean scoped = d.name().startsWith("@") && slash > 0;
                    yield new PackageURL("npm", scoped ? d.name().substring(0, slash) : null,
                            scoped ? d.name().substring(slash + 1) : d.name(), version, null, null);
                }
                case MAVEN -> {
                    int colon = d.name().indexOf(':');
                    yield new PackageURL("maven", colon > 0 ? d.name().substring(0, colon) : null,
                            colon > 0 ? d.name().substring(colon + 1) : d.name(), version, null, null);
                }
            };
            return Optional.of(purl.canonicalize());
        } catch (MalformedPackageURLException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
