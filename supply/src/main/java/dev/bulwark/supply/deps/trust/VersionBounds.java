package dev.bulwark.supply.deps.trust;

import dev.bulwark.supply.deps.Dependency;
import dev.bulwark.supply.deps.Ecosystem;
import dev.bulwark.supply.deps.version.Version;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a dependency can be in an affected range [introduced, fixed): exactly, for a pinned version; or
 * possibly, when its specifier's bounds (PEP 440, Poetry caret/tilde, conda prefix) leave affected versions open.
 */
final class VersionBounds {
    private static final Pattern CLAUSE = Pattern.compile("^\\s*(===|==|~=|!=|<=|>=|<|>|\\^|~|=)?\\s*([^\\s,]+)\\s*$");

    enum Exposure { AFFECTED, POSSIBLY_AFFECTED, NOT_AFFECTED, UNKNOWN }

    private VersionBounds() {
    }

    static Exposure exposure(Dependency d, String introduced, String fixed) {
        Ecosystem eco = d.ecosystem();
        try {
            Version fix = Version.parse(eco, fixed);
            Optional<Version> intro = "0".equals(introduced) ? Optional.empty() : Optional.of(Version.parse(eco, introduced));
            if (d.version().isPresent()) {
                Version v = Version.parse(eco, d.version().get());
                boolean after = intro.map(i -> v.compareTo(i) >= 0).orElse(true);
                return after && v.compareTo(fix) < 0 ? Exposure.AFFECTED : Exposure.NOT_AFFECTED;
            }
            for (String clause : d.specifier().split(",")) {
                if (clause.isBlank() || clause.strip().equals("*")) continue;
                Matcher m = CLAUSE.matcher(clause);
                if (!m.matches()) return Exposure.UNKNOWN;
                String op = m.group(1) == null ? "==" : m.group(1);
                String text = m.group(2).replaceFirst("\\.\\*$", "");
                if (text.contains("*") || op.equals("!=")) continue;
                Version bound = Version.parse(eco, text);
                boolean lower = op.equals(">=") || op.equals(">") || op.equals("~=") || op.equals("^") || op.equals("~")
                        || op.equals("=") || op.equals("==") || op.equals("===");
                if (lower && bound.compareTo(fix) >= 0) return Exposure.NOT_AFFECTED;
                if (intro.isPresent() && op.equals("<") && bound.compareTo(intro.get()) <= 0) return Exposure.NOT_AFFECTED;
                if (intro.isPresent() && op.equals("<=") && bound.compareTo(intro.get()) < 0) return Exposure.NOT_AFFECTED;
            }
            return Exposure.POSSIBLY_AFFECTED;
        } catch (IllegalArgumentException unparseable) {
            return Exposure.UNKNOWN;
        }
    }
}
