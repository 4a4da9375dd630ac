package dev.bulwark.supply.deps.osv;

import dev.bulwark.supply.deps.Ecosystem;
import dev.bulwark.supply.deps.version.Version;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ecosystem's advisories keyed by normalised package name, holding only what matching and findings need.
 * Explicit version lists are reduced at build time to the versions the ranges do not already cover, so the
 * index stays small and a lookup parses few versions. Immutable once built; safe to share between threads.
 */
public final class AdvisoryIndex {
    /** One affected entry of one advisory for one package. */
    record Entry(Advisory advisory, List<OsvRange> ranges, List<String> versions) {
    }

    private final Ecosystem ecosystem;
    private final Map<String, List<Entry>> byName;
    private final int advisoryCount;

    AdvisoryIndex(Ecosystem ecosystem, Map<String, List<Entry>> byName, int advisoryCount) {
        this.ecosystem = ecosystem;
        this.byName = byName;
        this.advisoryCount = advisoryCount;
    }

    public Ecosystem ecosystem() {
        return ecosystem;
    }

    /** Advisories indexed (withdrawn ones and ones not about this ecosystem are left out). */
    public int advisoryCount() {
        return advisoryCount;
    }

    public int packageCount() {
        return byName.size();
    }

    Map<String, List<Entry>> entries() {
        return byName;
    }

    public static AdvisoryIndex of(Ecosystem ecosystem, Collection<OsvRecord> records) {
        var builder = new Builder(ecosystem);
        records.forEach(builder::add);
        return builder.build();
    }

    /** The advisories affecting this version of the package (name normalised by the caller's ecosystem rules). */
    public List<AdvisoryMatch> lookup(String name, Version version) {
        String key = PackageNames.normalize(ecosystem, name);
        List<Entry> entries = byName.get(key);
        if (entries == null) return List.of();
        Map<String, AdvisoryMatch> matches = new LinkedHashMap<>();
        for (Entry e : entries) {
            RangeMatcher.Result r = RangeMatcher.evaluate(ecosystem, e.ranges(), e.versions(), version);
            if (!r.affected()) continue;
            matches.merge(e.advisory().id(),
                    new AdvisoryMatch(e.advisory(), ecosystem, key, version.text(), r.fixedVersions()),
                    (a, b) -> new AdvisoryMatch(a.advisory(), ecosystem, key, version.text(),
                            concat(a.fixedVersions(), b.fixedVersions())));
        }
        return matches.values().stream()
                .map(m -> new AdvisoryMatch(m.advisory(), ecosystem, key, m.version(), AdvisoryMatch.sorted(ecosystem, m.fixedVersions())))
                .sorted(java.util.Comparator.comparing(m -> m.advisory().id()))
                .toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Collects records one at a time, so an archive never has to be held in memory whole. */
    public static final class Builder {
        private final Ecosystem ecosystem;
        private final Map<String, List<Entry>> byName = new HashMap<>();
        private int advisories;

        public Builder(Ecosystem ecosystem) {
            this.ecosystem = ecosystem;
        }

        /** Adds a record's entries for this ecosystem; returns false when nothing in it applies. */
        public boolean add(OsvRecord record) {
            if (record.isWithdrawn()) return false;
            Advisory advisory = null;
            for (OsvAffected a : record.affected()) {
                if (PackageNames.ecosystemOf(a.pkg().ecosystem()).orElse(null) != ecosystem || a.pkg().name().isBlank()) continue;
                if (advisory == null) advisory = record.toAdvisory();
                String name = PackageNames.normalize(ecosystem, a.pkg().name());
                byName.computeIfAbsent(name, k -> new ArrayList<>(2))
                        .add(new Entry(advisory, a.ranges(), uncoveredVersions(a)));
            }
            if (advisory != null) advisories++;
            return advisory != null;
        }

        private List<String> uncoveredVersions(OsvAffected a) {
            List<String> out = new ArrayList<>();
            if (a.versions().isEmpty()) return out;
            var compiled = RangeMatcher.compile(ecosystem, a.ranges());
            for (String v : a.versions()) {
                Version parsed = RangeMatcher.parseOrNull(ecosystem, v);
                if (parsed == null || !RangeMatcher.inAnyRange(compiled, parsed)) out.add(v);
            }
            return out;
        }

        public AdvisoryIndex build() {
            Map<String, List<Entry>> frozen = new HashMap<>(byName.size() * 2);
            byName.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
            return new AdvisoryIndex(ecosystem, Map.copyOf(frozen), advisories);
        }
    }
}
