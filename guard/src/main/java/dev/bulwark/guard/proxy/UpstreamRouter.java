package dev.bulwark.guard.proxy;

import dev.bulwark.guard.access.ModelPattern;
import dev.bulwark.guard.config.Upstream;
import java.util.List;
import java.util.Optional;

/**
 * Picks the upstream for a model: an upstream naming the model exactly, else one whose pattern ({@code gpt-*})
 * matches, else the default one ({@code *} or no models listed). A request without a model goes to the default.
 */
final class UpstreamRouter {
    private final List<Upstream> upstreams;

    UpstreamRouter(List<Upstream> upstreams) {
        this.upstreams = List.copyOf(upstreams);
    }

    Optional<Upstream> pick(String model) {
        if (model != null) {
            for (Upstream u : upstreams) if (u.models().contains(model)) return Optional.of(u);
            for (Upstream u : upstreams) {
                for (String pattern : u.models()) {
                    if (!pattern.equals("*") && pattern.contains("*") && new ModelPattern(pattern).matches(model)) return Optional.of(u);
                }
            }
        }
        return upstreams.stream().filter(u -> u.models().isEmpty() || u.models().contains("*")).findFirst();
    }
}
