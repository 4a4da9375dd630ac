package dev.bulwark.guard.proxy;

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
                    if (!pattern.equals("*") && pattern.contains("*") && Glob.matches(pattern, model)) return Optional.of(u);
                }
            }
        }
        return upstreams.stream().filter(u -> u.models().isEmpty() || u.models().contains("*")).findFirst();
    }

    /** {@code *} matches any run of characters; everything else literally. Linear, no regex. */
    static final class Glob {
        private Glob() {
        }

        static boolean matches(String pattern, String text) {
            int p = 0, t = 0, star = -1, mark = 0;
            while (t < text.length()) {
                if (p < pattern.length() && pattern.charAt(p) == '*') {
                    star = p++;
                    mark = t;
                } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
                    p++;
                    t++;
                } else if (star >= 0) {
                    p = star + 1;
                    t = ++mark;
                } else {
                    return false;
                }
            }
            while (p < pattern.length() && pattern.charAt(p) == '*') p++;
            return p == pattern.length();
        }
    }
}
