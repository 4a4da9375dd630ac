package dev.bulwark.supply.deps.trust;

import dev.bulwark.supply.deps.Ecosystem;
import dev.bulwark.supply.deps.manifest.Pep508;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The bundled list of popular AI/ML package names that typosquats imitate, and the real packages that happen to
 * sit close to one of them. Names are kept normalised ({@link #normalize}).
 */
public final class PopularPackages {
    static final String FILE = "popular-packages.txt";
    private static volatile PopularPackages bundled;

    private final Map<Ecosystem, Set<String>> popular;
    private final Map<Ecosystem, Set<String>> allowed;

    PopularPackages(Map<Ecosystem, Set<String>> popular, Map<Ecosystem, Set<String>> allowed) {
        this.popular = popular;
        this.allowed = allowed;
    }

    public static PopularPackages bundled() {
        PopularPackages p = bundled;
        if (p == null) {
            synchronized (PopularPackages.class) {
                if (bundled == null) bundled = load();
                p = bundled;
            }
        }
        return p;
    }

    /** Popular names of an ecosystem, normalised, in list order. */
    public Set<String> popular(Ecosystem ecosystem) {
        return popular.getOrDefault(ecosystem, Set.of());
    }

    /** True for a popular name itself or a known real neighbour: never a typosquat. */
    public boolean isKnown(Ecosystem ecosystem, String name) {
        String n = normalize(ecosystem, name);
        return popular(ecosystem).contains(n) || allowed.getOrDefault(ecosystem, Set.of()).contains(n);
    }

    /** PEP 503 for PyPI (and conda, whose names follow PyPI's), lower case for npm and Maven. */
    public static String normalize(Ecosystem ecosystem, String name) {
        return switch (ecosystem) {
            case PYPI, CONDA -> Pep508.normalize(name);
            default -> name.toLowerCase(Locale.ROOT);
        };
    }

    private static PopularPackages load() {
        var popular = new EnumMap<Ecosystem, Set<String>>(Ecosystem.class);
        var allowed = new EnumMap<Ecosystem, Set<String>>(Ecosystem.class);
        try (InputStream in = PopularPackages.class.getResourceAsStream(FILE)) {
            if (in == null) throw new IllegalStateException("missing bundled " + FILE);
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) continue;
                List<String> parts = List.of(l.split("\\s+"));
                boolean allow = parts.get(0).equals("allow");
                List<String> rest = allow ? parts.subList(1, parts.size()) : parts;
                if (rest.size() != 2) throw new IllegalStateException(FILE + ":" + number + ": expected 'ecosystem name'");
                Ecosystem eco = ecosystem(rest.get(0), number);
                (allow ? allowed : popular).computeIfAbsent(eco, e -> new LinkedHashSet<>()).add(normalize(eco, rest.get(1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + FILE, e);
        }
        popular.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        allowed.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        return new PopularPackages(popular, allowed);
    }

    private static Ecosystem ecosystem(String name, int line) {
        for (Ecosystem e : Ecosystem.values()) if (e.purlType().equals(name)) return e;
        throw new IllegalStateException(FILE + ":" + line + ": unknown ecosystem " + name);
    }
}
