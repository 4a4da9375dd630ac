package dev.bulwark.supply.deps.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.supply.deps.Ecosystem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every comparison in osv-scanner's ordering fixtures (Apache-2.0, see NOTICE.md next to them) must hold in both
 * directions. No line is skipped: where we would disagree with osv-scanner, the exception would be listed here.
 */
class VersionOrderingFixturesTest {

    /** Fixture lines we deliberately order differently from osv-scanner, with the reason. Empty: none. */
    private static final Map<String, String> DISAGREEMENTS = Map.of();

    record Comparison(int line, String left, String op, String right) {
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({
            "pypi-versions.txt, PYPI, 37",
            "pypi-versions-generated.txt, PYPI, 12375",
            "maven-versions.txt, MAVEN, 102",
            "maven-versions-generated.txt, MAVEN, 14752",
            "semver-versions.txt, NPM, 86"})
    void everyFixtureLineHolds(String file, Ecosystem ecosystem, int expectedLines) throws IOException {
        List<Comparison> comparisons = read(file);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Comparison c : comparisons) {
            String key = file + ":" + c.line();
            if (DISAGREEMENTS.containsKey(key)) continue;
            checked++;
            String problem = check(ecosystem, c);
            if (problem != null) failures.add(key + ": " + c.left() + " " + c.op() + " " + c.right() + " -> " + problem);
        }
        assertThat(comparisons).hasSize(expectedLines);
        assertThat(failures).as("%d of %d comparisons failed", failures.size(), checked).isEmpty();
    }

    private static String check(Ecosystem ecosystem, Comparison c) {
        Version a;
        Version b;
        try {
            a = Version.parse(ecosystem, c.left());
            b = Version.parse(ecosystem, c.right());
        } catch (IllegalArgumentException e) {
            return "unparsable: " + e.getMessage();
        }
        int expected = switch (c.op()) {
            case "<" -> -1;
            case ">" -> 1;
            default -> 0;
        };
        int forward = Integer.signum(a.compareTo(b));
        int backward = Integer.signum(b.compareTo(a));
        if (forward != expected) return "compareTo gave " + forward;
        if (backward != -expected) return "reverse compareTo gave " + backward;
        if (expected == 0 && (!a.equals(b) || a.hashCode() != b.hashCode())) return "equal but equals/hashCode disagree";
        return null;
    }

    static List<Comparison> read(String file) throws IOException {
        var in = Objects.requireNonNull(VersionOrderingFixturesTest.class.getResourceAsStream(file), file);
        List<Comparison> out = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("# ") || line.startsWith("// ")) continue;
                String[] parts = line.split(" ");
                if (parts.length != 3) throw new IllegalStateException(file + ":" + number + ": not 'A op B': " + line);
                out.add(new Comparison(number, parts[0], parts[1], parts[2]));
            }
        }
        return out;
    }
}
