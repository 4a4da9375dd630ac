package dev.bulwark.supply.deps.osv;

import dev.bulwark.supply.deps.Ecosystem;
import java.util.Locale;
import java.util.regex.Pattern;

/** Package names as each ecosystem compares them, so a lock file's spelling finds the advisory's. */
public final class PackageNames {
    private static final Pattern PEP503_SEPARATORS = Pattern.compile("[-_.]+");

    private PackageNames() {
    }

    /**
     * PyPI and conda: PEP 503 (lower case, runs of '-', '_', '.' become one '-'). npm: as written (npm names are
     * case-sensitive for old packages). Maven: "group:artifact" with surrounding blanks removed.
     */
    public static String normalize(Ecosystem ecosystem, String name) {
        String n = name.strip();
        return switch (ecosystem) {
            case PYPI, CONDA -> PEP503_SEPARATORS.matcher(n).replaceAll("-").toLowerCase(Locale.ROOT);
            case NPM -> n;
            case MAVEN -> n.replace(" ", "");
        };
    }

    /** The ecosystem an OSV ecosystem name refers to ("PyPI", "Maven", "Maven:https://…"), if we read it. */
    public static java.util.Optional<Ecosystem> ecosystemOf(String osvEcosystem) {
        String base = osvEcosystem.contains(":") ? osvEcosystem.substring(0, osvEcosystem.indexOf(':')) : osvEcosystem;
        for (Ecosystem e : Ecosystem.values()) {
            if (e != Ecosystem.CONDA && e.osvName().equals(base)) return java.util.Optional.of(e);
        }
        return java.util.Optional.empty();
    }
}
