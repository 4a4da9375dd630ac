package dev.bulwark.supply.deps.osv;

import dev.bulwark.supply.deps.Ecosystem;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact index file: a flat binary form of {@link AdvisoryIndex}, read once per ecosystem. Advisories are
 * stored once and referenced by number from each package. Every count and length read back is bounded, so a
 * damaged file fails with an {@link IOException} instead of exhausting memory.
 */
final class IndexCodec {
    private static final int MAGIC = 0x42574f58; // "BWOX"
    private static final int FORMAT = 1;
    private static final int MAX_STRING = 1 << 20;
    private static final int MAX_COUNT = 50_000_000;

    private IndexCodec() {
    }

    static void write(AdvisoryIndex index, OutputStream target) throws IOException {
        var out = new DataOutputStream(new BufferedOutputStream(target, 1 << 16));
        Map<Advisory, Integer> numbers = new IdentityHashMap<>();
        List<Advisory> advisories = new ArrayList<>();
        for (List<AdvisoryIndex.Entry> entries : index.entries().values()) {
            for (AdvisoryIndex.Entry e : entries) {
                numbers.computeIfAbsent(e.advisory(), a -> {
                    advisories.add(a);
                    return advisories.size() - 1;
                });
            }
        }
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        writeString(out, index.ecosystem().name());
        out.writeInt(index.advisoryCount());
        out.writeInt(advisories.size());
        for (Advisory a : advisories) {
            writeString(out, a.id());
            writeStrings(out, a.aliases());
            writeString(out, a.summary());
            writeString(out, a.published());
            writeString(out, a.modified());
            out.writeInt(a.severity().size());
            for (OsvSeverity s : a.severity()) {
                writeString(out, s.type());
                writeString(out, s.score());
            }
            writeStrings(out, a.cweIds());
        }
        out.writeInt(index.entries().size());
        for (var pkg : index.entries().entrySet()) {
            writeString(out, pkg.getKey());
            out.writeInt(pkg.getValue().size());
            for (AdvisoryIndex.Entry e : pkg.getValue()) {
                out.writeInt(numbers.get(e.advisory()));
                out.writeInt(e.ranges().size());
                for (OsvRange r : e.ranges()) {
                    out.writeByte(r.type().ordinal());
                    writeString(out, r.repo());
                    out.writeInt(r.events().size());
                    for (OsvEvent ev : r.events()) {
                        out.writeByte(ev.kind().ordinal());
                        writeString(out, ev.version());
                    }
                }
                writeStrings(out, e.versions());
            }
        }
        out.flush();
    }

    static AdvisoryIndex read(InputStream source) throws IOException {
        var in = new DataInputStream(new BufferedInputStream(source, 1 << 16));
        try {
            if (in.readInt() != MAGIC) throw new IOException("not a Bulwark advisory index");
            int format = in.readInt();
            if (format != FORMAT) throw new IOException("advisory index format " + format + " is not " + FORMAT + "; run 'bulwark db update'");
            Ecosystem ecosystem;
            try {
                ecosystem = Ecosystem.valueOf(readString(in));
            } catch (IllegalArgumentException e) {
                throw new IOException("advisory index names an unknown ecosystem", e);
            }
            int advisoryCount = count(in);
            int stored = count(in);
            List<Advisory> advisories = new ArrayList<>(Math.min(stored, 1 << 16));
            for (int i = 0; i < stored; i++) {
                String id = readString(in);
                List<String> aliases = readStrings(in);
                String summary = readString(in);
                String published = readString(in);
                String modified = readString(in);
                int severities = count(in);
                List<OsvSeverity> severity = new ArrayList<>(Math.min(severities, 16));
                for (int s = 0; s < severities; s++) severity.add(new OsvSeverity(readString(in), readString(in)));
                advisories.add(new Advisory(id, aliases, summary, published, modified, severity, readStrings(in)));
            }
            int packages = count(in);
            Map<String, List<AdvisoryIndex.Entry>> byName = new HashMap<>(Math.min(packages, 1 << 20) * 2);
            OsvRange.Type[] types = OsvRange.Type.values();
            OsvEvent.Kind[] kinds = OsvEvent.Kind.values();
            for (int p = 0; p < packages; p++) {
                String name = readString(in);
                int n = count(in);
                List<AdvisoryIndex.Entry> entries = new ArrayList<>(Math.min(n, 1024));
                for (int i = 0; i < n; i++) {
                    int number = in.readInt();
                    if (number < 0 || number >= advisories.size()) throw new IOException("advisory index refers to advisory " + number);
                    int rangeCount = count(in);
                    List<OsvRange> ranges = new ArrayList<>(Math.min(rangeCount, 64));
                    for (int r = 0; r < rangeCount; r++) {
                        OsvRange.Type type = types[bounded(in.readUnsignedByte(), types.length)];
                        String repo = readString(in);
                        int eventCount = count(in);
                        List<OsvEvent> events = new ArrayList<>(Math.min(eventCount, 64));
                        for (int e = 0; e < eventCount; e++) {
                            events.add(new OsvEvent(kinds[bounded(in.readUnsignedByte(), kinds.length)], readString(in)));
                        }
                        ranges.add(new OsvRange(type, repo, events));
                    }
                    entries.add(new AdvisoryIndex.Entry(advisories.get(number), ranges, readStrings(in)));
                }
                byName.put(name, List.copyOf(entries));
            }
            return new AdvisoryIndex(ecosystem, Map.copyOf(byName), advisoryCount);
        } catch (EOFException e) {
            throw new IOException("advisory index is truncated", e);
        }
    }

    private static int bounded(int value, int limit) throws IOException {
        if (value >= limit) throw new IOException("advisory index holds an unknown tag " + value);
        return value;
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_COUNT) throw new IOException("advisory index holds an implausible count " + n);
        return n;
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) writeString(out, v);
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = count(in);
        List<String> out = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) out.add(readString(in));
        return List.copyOf(out);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_STRING) bytes = java.util.Arrays.copyOf(bytes, MAX_STRING); // never in practice
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_STRING) throw new IOException("advisory index holds an implausible string length " + n);
        byte[] bytes = in.readNBytes(n);
        if (bytes.length != n) throw new EOFException();
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
