package dev.bulwark.supply.deps.trust;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bulwark.kb.CvssScorer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Loads {@code unsafe-loaders.yaml}, checking every entry (vectors score, ids and formats present) at start-up. */
public final class LoaderAdvisories {
    static final String FILE = "unsafe-loaders.yaml";
    private static volatile List<LoaderAdvisory> bundled;

    private LoaderAdvisories() {
    }

    public static List<LoaderAdvisory> bundled() {
        List<LoaderAdvisory> b = bundled;
        if (b == null) {
            synchronized (LoaderAdvisories.class) {
                if (bundled == null) bundled = load();
                b = bundled;
            }
        }
        return b;
    }

    record Row(@JsonProperty("package") String packageName, String ecosystem, String introduced, String fixed,
               List<String> ids, List<String> cwe, String cvss, List<String> formats, String reason) {
    }

    private static List<LoaderAdvisory> load() {
        var mapper = new ObjectMapper(new YAMLFactory());
        try (InputStream in = LoaderAdvisories.class.getResourceAsStream(FILE)) {
            if (in == null) throw new IllegalStateException("missing bundled " + FILE);
            var out = new ArrayList<LoaderAdvisory>();
            for (Row r : Arrays.asList(mapper.readValue(in, Row[].class))) {
                String where = FILE + ": " + r.packageName() + " < " + r.fixed();
                if (r.ids() == null || r.ids().isEmpty()) throw new IllegalStateException(where + ": no ids");
                if (r.formats() == null || r.formats().isEmpty()) throw new IllegalStateException(where + ": no formats");
                if (r.reason() == null || r.reason().isBlank()) throw new IllegalStateException(where + ": no reason");
                CvssScorer.score(r.cvss());
                out.add(new LoaderAdvisory(r.packageName(), r.ecosystem(), r.introduced(), r.fixed(), r.ids(), r.cwe(),
                        r.cvss(), r.formats(), r.reason().strip()));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + FILE, e);
        }
    }
}
