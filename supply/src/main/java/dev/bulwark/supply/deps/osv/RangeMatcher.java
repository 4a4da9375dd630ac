package dev.bulwark.supply.deps.osv;

import dev.bulwark.supply.deps.Ecosystem;
import dev.bulwark.supply.deps.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a version is affected, following the OSV schema's evaluation: a version is affected when it is
 * one of the explicitly listed versions or lies in any ECOSYSTEM/SEMVER range. Within a range the events are sorted
 * by version ("introduced: 0" first) and walked in order: introduced opens, fixed closes at that version,
 * last_affected closes after it; limit events cap the range. GIT ranges are skipped: ordering commits needs the
 * repository. Event versions this ecosystem cannot parse are skipped rather than guessed at.
 */
public final class RangeMatcher {
    private RangeMatcher() {
    }

    /** The outcome for one affected entry: whether it matches and which fixed versions would resolve it. */
    public record Result(boolean affected, List<String> fixedVersions) {
        static final Result NOT_AFFECTED = new Result(false, List.of());
    }

    /** A range with its event versions parsed and sorted once, for testing many versions against it. */
    record CompiledRange(List<Parsed> events, boolean hasLimit) {
    }

    /** An event with its version parsed; {@code at} is null for "introduced: 0", which sorts first. */
    record Parsed(OsvEvent event, Version at) {
    }

    public static Result evaluate(Ecosystem ecosystem, List<OsvRange> ranges, List<String> versions, Version version) {
        boolean listed = false;
        for (String v : versions) {
            if (v.equals(version.text()) || sameVersion(ecosystem, v, version)) {
                listed = true;
                break;
            }
        }
        List<String> fixed = new ArrayList<>();
        boolean inRange = false;
        for (CompiledRange range : compile(ecosystem, ranges)) {
            Optional<String> closingFix = includes(range, version);
            if (closingFix == null) continue;
            inRange = true;
            closingFix.ifPresent(f -> { if (!fixed.contains(f)) fixed.add(f); });
        }
        if (!listed && !inRange) return Result.NOT_AFFECTED;
        if (listed && !inRange) {
            // Listed only: every fixed version above it in this entry's ranges is a way out.
            for (OsvRange range : ranges) {
                for (OsvEvent e : range.events()) {
                    if (e.kind() == OsvEvent.Kind.FIXED && greater(ecosystem, e.version(), version) && !fixed.contains(e.version())) {
                        fixed.add(e.version());
                    }
                }
            }
        }
        return new Result(true, List.copyOf(fixed));
    }

    /** True when the version lies in any of the compiled ranges (explicit versions not consulted). */
    static boolean inAnyRange(List<CompiledRange> ranges, Version version) {
        for (CompiledRange range : ranges) {
            if (includes(range, version) != null) return true;
        }
        return false;
    }

    /** True when the version lies in any evaluable range (explicit versions not consulted). */
    public static boolean inAnyRange(Ecosystem ecosystem, List<OsvRange> ranges, Version version) {
        return inAnyRange(compile(ecosystem, ranges), version);
    }

    /** Parses and sorts the events of the evaluable ranges; GIT and unknown ranges are left out. */
    static List<CompiledRange> compile(Ecosystem ecosystem, List<OsvRange> ranges) {
        List<CompiledRange> out = new ArrayList<>(ranges.size());
        for (OsvRange range : ranges) {
            if (!range.evaluable()) continue;
            List<Parsed> events = new ArrayList<>(range.events().size());
            boolean hasLimit = false;
            for (OsvEvent e : range.events()) {
                if (e.isFromTheStart()) {
                    events.add(new Parsed(e, null));
                    continue;
                }
                Version at = parseOrNull(ecosystem, e.version());
                if (at == null) continue;
                events.add(new Parsed(e, at));
                hasLimit |= e.kind() == OsvEvent.Kind.LIMIT;
            }
            events.sort((a, b) -> a.at() == null ? (b.at() == null ? 0 : -1) : b.at() == null ? 1 : a.at().compareTo(b.at()));
            out.add(new CompiledRange(List.copyOf(events), hasLimit));
        }
        return out;
    }

    /**
     * Null when the range does not include the version; else the fixed version that closes the interval holding it
     * (empty when none does, e.g. last_affected or still open).
     */
    private static Optional<String> includes(CompiledRange range, Version version) {
        List<Parsed> events = range.events();
        if (range.hasLimit()) {
            boolean belowSomeLimit = false;
            for (Parsed p : events) {
                if (p.event().kind() == OsvEvent.Kind.LIMIT && version.compareTo(p.at()) < 0) belowSomeLimit = true;
            }
            if (!belowSomeLimit) return null;
        }
        boolean affected = false;
        for (Parsed p : events) {
            switch (p.event().kind()) {
                case INTRODUCED -> { if (p.at() == null || version.compareTo(p.at()) >= 0) affected = true; }
                case FIXED -> { if (version.compareTo(p.at()) >= 0) affected = false; }
                case LAST_AFFECTED -> { if (version.compareTo(p.at()) > 0) affected = false; }
                case LIMIT -> { }
            }
        }
        if (!affected) return null;
        // The first closing event above the version says how this interval ends: a fix, or none (last_affected).
        for (Parsed p : events) {
            if (p.at() == null) continue;
            int c = version.compareTo(p.at());
            if (p.event().kind() == OsvEvent.Kind.FIXED && c < 0) return Optional.of(p.event().version());
            if (p.event().kind() == OsvEvent.Kind.LAST_AFFECTED && c <= 0) return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean sameVersion(Ecosystem ecosystem, String text, Version version) {
        Version v = parseOrNull(ecosystem, text);
        return v != null && v.compareTo(version) == 0;
    }

    private static boolean greater(Ecosystem ecosystem, String text, Version version) {
        Version v = parseOrNull(ecosystem, text);
        return v != null && v.compareTo(version) > 0;
    }

    static Version parseOrNull(Ecosystem ecosystem, String text) {
        try {
            return Version.parse(ecosystem, text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
