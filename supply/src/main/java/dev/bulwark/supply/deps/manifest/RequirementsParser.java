package dev.bulwark.supply.deps.manifest;

import dev.bulwark.supply.deps.Dependency;
import dev.bulwark.supply.deps.Ecosystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * pip requirements files: line continuations, comments, {@code -r}/{@code -c} includes (relative to the including
 * file, with cycle and depth limits), {@code -e} editables, index options, per-requirement {@code --hash} options,
 * PEP 508 requirements including {@code name @ url} direct references, and bare archive paths or URLs. pip-compile's
 * {@code # via} annotations tell direct requirements from pinned transitive ones.
 */
final class RequirementsParser implements ManifestParser {
    private static final Pattern COMMENT = Pattern.compile("(^|\\s+)#.*$");
    private static final Pattern VIA = Pattern.compile("^\\s*#\\s+via(?:\\s+(.*))?$");
    private static final Pattern VIA_ITEM = Pattern.compile("^\\s*#\\s{2,}(\\S.*)$");
    private static final Pattern ARCHIVE = Pattern.compile(
            "([A-Za-z0-9][A-Za-z0-9._]*)-([0-9][A-Za-z0-9.!+_]*?)(?:-[^/]*)?\\.(?:whl|tar\\.gz|zip|tar\\.bz2|tgz)$");
    private static final Pattern EGG = Pattern.compile("[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)");
    /** Options that take no value, or whose value we do not need; accepted so a valid file parses. */
    private static final Set<String> IGNORED_OPTIONS = Set.of("--no-index", "--pre", "--prefer-binary", "--require-hashes",
            "--only-binary", "--no-binary", "--trusted-host", "--use-feature", "--progress-bar", "--no-build-isolation",
            "--config-settings");
    private static final Set<String> IGNORED_WITH_VALUE = Set.of("--only-binary", "--no-binary", "--trusted-host",
            "--use-feature", "--progress-bar", "--config-settings");

    @Override
    public Manifest parse(Path file, ManifestLimits limits) throws IOException, ManifestException {
        var state = new State(limits);
        read(file, DependencyScope.REQUIRED, 0, state);
        return new Manifest(file, ManifestFormat.REQUIREMENTS, state.entries, state.indexes, false,
                state.included, state.notes);
    }

    /**
     * Requirement lines embedded in another manifest (conda's {@code pip:} section): read as if they were a
     * requirements file at {@code file}, so includes resolve next to it.
     */
    Manifest parseLines(Path file, List<LogicalLine> lines, ManifestLimits limits) throws IOException, ManifestException {
        var state = new State(limits);
        state.read.add(canonical(file));
        readLines(file, lines, DependencyScope.REQUIRED, 0, state);
        return new Manifest(file, ManifestFormat.REQUIREMENTS, state.entries, state.indexes, false, state.included, state.notes);
    }

    /** Reads one file unless it is already being read (a cycle) or was read before; says whether it read it. */
    private boolean read(Path file, DependencyScope scope, int depth, State state) throws IOException, ManifestException {
        Path canonical = canonical(file);
        if (state.reading.contains(canonical)) {
            state.notes.add(file + ": include cycle, not read again");
            return false;
        }
        if (!state.read.add(canonical)) return false; // already read through another include
        state.reading.push(canonical);
        try {
            readLines(file, LogicalLine.join(ManifestText.read(file, state.limits), state.limits, file), scope, depth, state);
        } finally {
            state.reading.pop();
        }
        return true;
    }

    private void readLines(Path file, List<LogicalLine> lines, DependencyScope scope, int depth, State state)
            throws IOException, ManifestException {
        // entries go in file order, includes in place; "# via" lines below an entry amend it afterwards
        List<Integer> positions = new ArrayList<>();
        List<List<String>> via = new ArrayList<>();
        List<String> currentVia = null;
        for (LogicalLine line : lines) {
            var viaStart = VIA.matcher(line.text());
            if (viaStart.matches() && !positions.isEmpty()) {
                currentVia = via.get(positions.size() - 1);
                if (viaStart.group(1) != null && !viaStart.group(1).isBlank()) currentVia.add(viaStart.group(1).strip());
                continue;
            }
            var item = VIA_ITEM.matcher(line.text());
            if (currentVia != null && item.matches()) {
                currentVia.add(item.group(1).strip());
                continue;
            }
            currentVia = null;
            String content = COMMENT.matcher(line.text()).replaceFirst("").strip();
            if (content.isEmpty()) continue;
            ManifestEntry entry = line(file, line.number(), content, scope, depth, state);
            if (entry != null) {
                if (state.entries.size() >= state.limits.maxEntries()) {
                    throw new ManifestException(file, line.number(), "", "more than " + state.limits.maxEntries() + " requirements");
                }
                positions.add(state.entries.size());
                state.entries.add(entry);
                via.add(new ArrayList<>());
            }
        }
        for (int i = 0; i < positions.size(); i++) {
            int at = positions.get(i);
            state.entries.set(at, withVia(state.entries.get(at), via.get(i)));
        }
    }

    /** pip-compile writes "# via -r requirements.in" under direct requirements and "# via pkg" under transitive ones. */
    private static ManifestEntry withVia(ManifestEntry entry, List<String> via) {
        if (via.isEmpty()) return entry;
        boolean direct = via.stream().anyMatch(v -> v.startsWith("-r") || v.startsWith("-c"));
        Dependency d = entry.dependency();
        if (d.direct() == direct) return entry;
        return new ManifestEntry(new Dependency(d.ecosystem(), d.name(), d.version(), d.specifier(), d.hashes(), d.source(),
                direct, d.origin()), entry.scope(), entry.markers(), entry.extras(), entry.editable());
    }

    private ManifestEntry line(Path file, int number, String content, DependencyScope scope, int depth, State state)
            throws IOException, ManifestException {
        var tokens = new Tokens(content);
        String first = tokens.peek();
        if (first.startsWith("-") && !first.startsWith("--hash")) {
            Option option = Option.parse(tokens, file, number);
            switch (option.name()) {
                case "-r", "--requirement" -> include(file, number, option.value(), scope, depth, state);
                case "-c", "--constraint" -> include(file, number, option.value(), DependencyScope.CONSTRAINT, depth, state);
                case "-i", "--index-url" -> state.indexes.add(new PackageIndex(PackageIndex.Kind.PRIMARY, option.value(),
                        new Dependency.Source(file.toString(), number)));
                case "--extra-index-url" -> state.indexes.add(new PackageIndex(PackageIndex.Kind.EXTRA, option.value(),
                        new Dependency.Source(file.toString(), number)));
                case "-f", "--find-links" -> state.indexes.add(new PackageIndex(PackageIndex.Kind.FIND_LINKS, option.value(),
                        new Dependency.Source(file.toString(), number)));
                case "-e", "--editable" -> {
                    return editable(file, number, option.value(), tokens, scope);
                }
                default -> {
                    if (!IGNORED_OPTIONS.contains(option.name())) {
                        throw new ManifestException(file, number, option.name(), "unknown option");
                    }
                }
            }
            return null;
        }
        return requirement(file, number, tokens, scope, false);
    }

    private ManifestEntry editable(Path file, int number, String target, Tokens rest, DependencyScope scope)
            throws ManifestException {
        var hashes = perRequirementOptions(rest, file, number);
        var source = new Dependency.Source(file.toString(), number);
        if (isVcsOrUrl(target)) {
            var egg = EGG.matcher(target);
            String name = egg.find() ? egg.group(1) : nameFromUrl(target).orElse(target);
            return new ManifestEntry(new Dependency(Ecosystem.PYPI, name, Optional.empty(), "", hashes, source, true,
                    Optional.of(target)), scope, "", List.of(), true);
        }
        // A local project folder, possibly with extras: its own dependencies are declared in its pyproject.toml.
        String path = target.contains("[") ? target.substring(0, target.indexOf('[')) : target;
        Path dir = Path.of(path).getFileName();
        String name = dir == null ? path : dir.toString();
        return new ManifestEntry(new Dependency(Ecosystem.PYPI, name, Optional.empty(), "", hashes, source, true,
                Optional.of("file:" + path)), scope, "", List.of(), true);
    }

    private ManifestEntry requirement(Path file, int number, Tokens tokens, DependencyScope scope, boolean editable)
            throws ManifestException {
        // The requirement runs up to the first per-requirement option ("--hash", "--global-option", …).
        var spec = new StringBuilder();
        while (tokens.hasNext() && !tokens.peek().startsWith("--")) spec.append(spec.isEmpty() ? "" : " ").append(tokens.next());
        var hashes = perRequirementOptions(tokens, file, number);
        var source = new Dependency.Source(file.toString(), number);
        String text = spec.toString();
        if (isArchivePathOrUrl(text)) {
            var archive = ARCHIVE.matcher(text.contains("#") ? text.substring(0, text.indexOf('#')) : text);
            if (!archive.find()) {
                throw new ManifestException(file, number, "requirement", "cannot tell the package name of '" + Pep508.clip(text) + "'");
            }
            return new ManifestEntry(new Dependency(Ecosystem.PYPI, archive.group(1), Optional.of(archive.group(2)), "",
                    hashes, source, true, Optional.of(text)), scope, "", List.of(), editable);
        }
        Pep508.Requirement r;
        try {
            r = Pep508.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ManifestException(file, number, "requirement", e.getMessage(), e);
        }
        Optional<String> origin = r.url().isEmpty() ? Optional.empty() : Optional.of(r.url());
        return new ManifestEntry(new Dependency(Ecosystem.PYPI, r.name(), r.pinnedVersion(), r.specifier(), hashes, source,
                true, origin), scope, r.markers(), r.extras(), editable);
    }

    private static List<String> perRequirementOptions(Tokens tokens, Path file, int number) throws ManifestException {
        var hashes = new ArrayList<String>();
        while (tokens.hasNext()) {
            Option option = Option.parse(tokens, file, number);
            switch (option.name()) {
                case "--hash" -> {
                    String h = option.value();
                    int colon = h.indexOf(':');
                    if (colon <= 0 || colon == h.length() - 1) throw new ManifestException(file, number, "--hash", "expected ALGORITHM:DIGEST, got '" + Pep508.clip(h) + "'");
                    hashes.add(h);
                }
                case "--global-option", "--install-option", "--config-settings" -> { }
                default -> throw new ManifestException(file, number, option.name(), "unknown per-requirement option");
            }
        }
        return hashes;
    }

    private void include(Path file, int number, String target, DependencyScope scope, int depth, State state)
            throws IOException, ManifestException {
        if (target.contains("://")) {
            state.notes.add(file + ":" + number + ": remote include " + Pep508.clip(target) + " not fetched (no network in scans)");
            return;
        }
        if (depth + 1 > state.limits.maxIncludeDepth()) {
            throw new ManifestException(file, number, "-r", "includes nested deeper than " + state.limits.maxIncludeDepth());
        }
        Path parent = file.toAbsolutePath().getParent();
        Path included = parent == null ? Path.of(target) : parent.resolve(target).normalize();
        Path shown = file.getParent() == null ? Path.of(target) : file.getParent().resolve(target).normalize();
        if (!Files.isRegularFile(included)) {
            state.notes.add(file + ":" + number + ": included file " + target + " not found");
            return;
        }
        int at = state.included.size();
        state.included.add(shown);
        if (!read(shown, scope, depth + 1, state)) state.included.remove(at);
    }

    static boolean isVcsOrUrl(String s) {
        return s.matches("(?i)^(git|hg|svn|bzr)\\+.*") || s.contains("://");
    }

    private static boolean isArchivePathOrUrl(String s) {
        if (s.contains("://") || s.startsWith("./") || s.startsWith("../") || s.startsWith("/") || s.startsWith("file:")) {
            return !s.contains(" @ ") && !s.matches("^[A-Za-z0-9._-]+\\s*(\\[[^]]*])?\\s*@.*");
        }
        return s.endsWith(".whl") || s.endsWith(".tar.gz") || s.endsWith(".zip");
    }

    /** "git+https://github.com/org/repo.git@tag" names "repo". */
    static Optional<String> nameFromUrl(String url) {
        String s = url.replaceFirst("#.*$", "").replaceFirst("@[^/@]*$", "");
        int slash = s.lastIndexOf('/');
        if (slash < 0 || slash == s.length() - 1) return Optional.empty();
        String last = s.substring(slash + 1).replaceFirst("\\.git$", "");
        return Pep508.isValidName(last) ? Optional.of(last) : Optional.empty();
    }

    private static Path canonical(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private static final class State {
        final ManifestLimits limits;
        final List<ManifestEntry> entries = new ArrayList<>();
        final List<PackageIndex> indexes = new ArrayList<>();
        final List<Path> included = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final Set<Path> read = new HashSet<>();
        final Deque<Path> reading = new ArrayDeque<>();

        State(ManifestLimits limits) {
            this.limits = limits;
        }
    }

    /** An option with its value: "-r x", "-rx", "--requirement=x", "--requirement x". */
    private record Option(String name, String value) {
        static Option parse(Tokens tokens, Path file, int line) throws ManifestException {
            String t = tokens.next();
            if (t.startsWith("--")) {
                int eq = t.indexOf('=');
                if (eq > 0) return new Option(t.substring(0, eq), unquote(t.substring(eq + 1)));
                if (IGNORED_OPTIONS.contains(t) && !IGNORED_WITH_VALUE.contains(t)) return new Option(t, "");
                if (!tokens.hasNext()) throw new ManifestException(file, line, t, "missing value");
                return new Option(t, unquote(tokens.next()));
            }
            if (t.length() < 2) throw new ManifestException(file, line, t, "unknown option");
            String name = t.substring(0, 2);
            if (t.length() > 2) return new Option(name, unquote(t.substring(2).replaceFirst("^=", "")));
            if (!tokens.hasNext()) throw new ManifestException(file, line, name, "missing value");
            return new Option(name, unquote(tokens.next()));
        }

        private static String unquote(String s) {
            if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
                return s.substring(1, s.length() - 1);
            }
            return s;
        }
    }

    /** Whitespace-separated tokens; quoted strings stay whole. */
    private static final class Tokens {
        private final List<String> tokens = new ArrayList<>();
        private int next;

        Tokens(String line) {
            var current = new StringBuilder();
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    current.append(c);
                    if (c == quote) quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    current.append(c);
                } else if (Character.isWhitespace(c)) {
                    if (!current.isEmpty()) tokens.add(current.toString());
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            if (!current.isEmpty()) tokens.add(current.toString());
        }

        boolean hasNext() {
            return next < tokens.size();
        }

        String peek() {
            return hasNext() ? tokens.get(next) : "";
        }

        String next() {
            return tokens.get(next++);
        }
    }
}
