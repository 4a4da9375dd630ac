package dev.bulwark.supply.model;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The format readers a scan uses: every {@link FormatReader} registered in
 * {@code META-INF/services/dev.bulwark.supply.model.FormatReader}. A registered reader that cannot be loaded is kept
 * as a named gap ({@link #unavailable()}) so the scan can say what it could not check, instead of failing or
 * silently checking less.
 */
public record Readers(List<FormatReader> all, List<String> unavailable) {
    public Readers {
        all = List.copyOf(all);
        unavailable = List.copyOf(unavailable);
    }

    public static Readers of(List<FormatReader> readers) {
        return new Readers(readers, List.of());
    }

    /** The readers installed on the class path. */
    public static Readers installed() {
        List<FormatReader> found = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        Iterator<FormatReader> it = ServiceLoader.load(FormatReader.class, Readers.class.getClassLoader()).iterator();
        // the loader's lazy iterator continues past a provider that fails to load (documented best effort)
        for (int guard = 0; guard < 1_000; guard++) {
            try {
                if (!it.hasNext()) break;
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                broken.add(e.getMessage());
            }
        }
        return new Readers(found, broken);
    }

    /** Every reader whose {@link FormatReader#recognizes} accepts {@code head}, in registration order. */
    public List<FormatReader> recognizing(Head head) {
        List<FormatReader> out = new ArrayList<>(2);
        for (FormatReader r : all) {
            try {
                if (r.recognizes(head)) out.add(r);
            } catch (RuntimeException e) {
                out.add(r); // a recogniser that chokes on these bytes gets to read them: its failure is reported
            }
        }
        return out;
    }

    public List<String> formats() {
        return all.stream().map(FormatReader::format).toList();
    }
}
