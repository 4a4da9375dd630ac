package dev.bulwark.supply.deps;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One declared or locked dependency, as read from a manifest or lock file.
 *
 * @param ecosystem  where it comes from
 * @param name       the name as written (normalise with the ecosystem's rules before comparing: PEP 503 for PyPI,
 *                   "group:artifact" for Maven)
 * @param version    the exact version when pinned or locked, else empty
 * @param specifier  the requirement as written ("&gt;=2.0,&lt;3", "^1.2.0", a Maven range), empty when none
 * @param hashes     hashes given for it ("sha256:…"), empty when none
 * @param source     where it is declared: file, line (1-based, 0 when unknown)
 * @param direct     declared by the project itself rather than pulled in by another package
 * @param origin     a VCS or URL reference when it is installed from one ("git+https://…@abc123"), else empty
 */
public record Dependency(Ecosystem ecosystem, String name, Optional<String> version, String specifier,
                         List<String> hashes, Source source, boolean direct, Optional<String> origin) {
    public Dependency {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        version = version == null ? Optional.empty() : version;
        specifier = specifier == null ? "" : specifier;
        hashes = hashes == null ? List.of() : List.copyOf(hashes);
        origin = origin == null ? Optional.empty() : origin;
    }

    /** True when exactly one version can be installed. */
    public boolean pinned() {
        return version.isPresent();
    }

    /** Where a dependency is declared. */
    public record Source(String file, int line) {
        public Source {
            Objects.requireNonNull(file, "file");
        }
    }
}
