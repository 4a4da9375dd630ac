package dev.bulwark.supply.deps.osv;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The test advisories: the PyPA subset and the synthetic mini database (see NOTICE.md beside them). */
final class OsvTestData {
    private OsvTestData() {
    }

    static Path folder(String name) {
        try {
            return Path.of(Objects.requireNonNull(OsvTestData.class.getResource(name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path pypa() {
        return folder("pypa/vulns");
    }

    static Path pypi(String pkg, String id) {
        return pypa().resolve(pkg).resolve(id + ".yaml");
    }

    static Path mini() {
        return folder("mini");
    }

    static List<OsvRecord> records(Path dir) {
        List<OsvRecord> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).sorted().toList()) {
                out.add(OsvParser.parse(Files.readAllBytes(f)));
            }
        } catch (IOException | InvalidRecordException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
