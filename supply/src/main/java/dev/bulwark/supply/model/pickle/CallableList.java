package dev.bulwark.supply.model.pickle;

import dev.bulwark.core.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A list of dotted callable names, each an exact name or a ".*" prefix, with a note; loaded from a bundled
 * resource and looked up by longest match. Malformed lines fail at class-load time, never mid-scan.
 */
final class CallableList {
    /** One line of the list: a severity (null on the allowlist) and the note that explains it. */
    record Entry(String pattern, Severity severity, String note, boolean prefix) {
    }

    private final Map<String, Entry> exact = new HashMap<>();
    private final Map<String, Entry> prefixes = new HashMap<>();

    private CallableList() {
    }

    static CallableList load(String resource, boolean withSeverity) {
        CallableList list = new CallableList();
        try (InputStream in = CallableList.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing bundled resource " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                String[] parts = t.split("\\s+", withSeverity ? 3 : 2);
                if (parts.length < 2 || withSeverity && parts.length < 3) {
                    throw new IllegalStateException(resource + ":" + number + ": expected NAME " + (withSeverity
                            ? "SEVERITY " : "") + "NOTE");
                }
                Severity severity = withSeverity ? Severity.parse(parts[1]) : null;
                String note = parts[withSeverity ? 2 : 1];
                boolean prefix = parts[0].endsWith(".*");
                String name = prefix ? parts[0].substring(0, parts[0].length() - 2) : parts[0];
                Entry e = new Entry(name, severity, note, prefix);
                Entry clash = (prefix ? list.prefixes : list.exact).put(name, e);
                if (clash != null) throw new IllegalStateException(resource + ":" + number + ": duplicate " + parts[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }

    Entry exact(String qualifiedName) {
        return exact.get(qualifiedName);
    }

    /** The longest ".*" rule covering {@code qualifiedName} (the name itself counts: "os.*" covers "os"). */
    Entry longestPrefix(String qualifiedName) {
        String probe = qualifiedName;
        while (true) {
            Entry e = prefixes.get(probe);
            if (e != null) return e;
            int dot = probe.lastIndexOf('.');
            if (dot < 0) return null;
            probe = probe.substring(0, dot);
        }
    }

    int size() {
        return exact.size() + prefixes.size();
    }
}
