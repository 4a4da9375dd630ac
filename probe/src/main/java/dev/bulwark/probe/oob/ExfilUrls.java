package dev.bulwark.probe.oob;

import dev.bulwark.core.CheckContext;
import dev.bulwark.core.scope.PromptTarget;
import java.net.URI;
import java.util.Optional;

/**
 * Where a planted exfiltration URL points. With the collector running: {@code http://127.0.0.1:PORT/bwk/TOKEN},
 * which only this machine can reach. Otherwise: {@code https://TOKEN.bwk.invalid/p.png} — {@code .invalid} is
 * reserved (RFC 2606) and never resolves, so a renderer that tries it contacts nobody.
 *
 * <p>The collector is used only for a target on a loopback host: a renderer on another machine would fetch its
 * own 127.0.0.1, a place outside the engagement's allow-list. Decided from the literal host (no name lookups).
 */
public final class ExfilUrls {

    private ExfilUrls() {
    }

    /** Whether the scope enables the collector and the target's renderer can only be on this machine. */
    public static boolean collectorAllowed(CheckContext context, PromptTarget target) {
        return context.scope().rules().outOfBandCollector() && isLoopback(target.url());
    }

    public static URI url(Optional<OobCollector> collector, String token) {
        return collector.map(c -> c.urlFor(token)).orElseGet(() -> URI.create("https://" + token + ".bwk.invalid/p.png"));
    }

    static boolean isLoopback(URI uri) {
        return dev.bulwark.probe.Hosts.isLoopback(uri);
    }
}
