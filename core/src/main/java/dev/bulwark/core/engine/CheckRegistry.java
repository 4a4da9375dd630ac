package dev.bulwark.core.engine;

import dev.bulwark.core.Check;
import dev.bulwark.core.CheckDescriptor;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The checks available to an engagement, found through {@link ServiceLoader}. Problems are caught when the registry
 * is built — a duplicate id, a descriptor that cannot be made, a provider that cannot be loaded — so they stop
 * start-up with a clear message instead of surfacing mid-scan. Each descriptor is asked for once and kept.
 */
public final class CheckRegistry {
    private final Map<String, Check> byId;
    private final Map<Check, CheckDescriptor> descriptors;

    private CheckRegistry(Map<String, Check> byId, Map<Check, CheckDescriptor> descriptors) {
        this.byId = byId;
        this.descriptors = descriptors;
    }

    /** Every check listed in {@code META-INF/services/dev.bulwark.core.Check} on the class path. */
    public static CheckRegistry discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    public static CheckRegistry discover(ClassLoader loader) {
        try {
            return of(ServiceLoader.load(Check.class, loader).stream().map(ServiceLoader.Provider::get).toList());
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("cannot load a check: " + e.getMessage(), e);
        }
    }

    /** A registry of exactly these checks; rejects duplicate ids. */
    public static CheckRegistry of(Collection<? extends Check> checks) {
        Map<Check, CheckDescriptor> descriptors = new LinkedHashMap<>();
        Map<String, Check> seen = new LinkedHashMap<>();
        for (Check check : checks) {
            CheckDescriptor d = describe(check);
            Check earlier = seen.putIfAbsent(d.id(), check);
            if (earlier != null) {
                throw new IllegalStateException("duplicate check id '" + d.id() + "': "
                        + earlier.getClass().getName() + " and " + check.getClass().getName()
                        + "; every check needs its own id");
            }
            descriptors.put(check, d);
        }
        Map<String, Check> sorted = new LinkedHashMap<>();
        seen.keySet().stream().sorted(Comparator.naturalOrder()).forEach(id -> sorted.put(id, seen.get(id)));
        return new CheckRegistry(sorted, descriptors);
    }

    /** All checks, sorted by id. */
    public List<Check> checks() {
        return List.copyOf(byId.values());
    }

    public Optional<Check> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The descriptor the check gave when the registry was built. */
    public CheckDescriptor descriptor(Check check) {
        CheckDescriptor d = descriptors.get(check);
        if (d == null) throw new IllegalArgumentException("not in this registry: " + check.getClass().getName());
        return d;
    }

    public int size() {
        return byId.size();
    }

    private static CheckDescriptor describe(Check check) {
        try {
            CheckDescriptor d = check.descriptor();
            if (d == null) throw new IllegalStateException("descriptor() returned null");
            return d;
        } catch (RuntimeException e) {
            throw new IllegalStateException("check " + check.getClass().getName() + " has no usable descriptor: "
                    + e.getMessage(), e);
        }
    }
}
