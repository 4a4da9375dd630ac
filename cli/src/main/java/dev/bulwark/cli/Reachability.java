package dev.bulwark.cli;

import dev.bulwark.core.http.Exchange;
import dev.bulwark.core.http.ExchangeListener;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.core.scope.Scope;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which origins answered at least once. A network target whose origin was tried but never answered
 * "could not be reached" (exit code 3): its clean-looking report would otherwise read as "safe".
 */
final class Reachability implements ExchangeListener {
    private final Set<String> tried = ConcurrentHashMap.newKeySet();
    private final Set<String> answered = ConcurrentHashMap.newKeySet();

    @Override
    public void exchanged(Exchange exchange) {
        String origin = origin(exchange.uri());
        tried.add(origin);
        if (!exchange.failed()) answered.add(origin);
    }

    /** Ids of the scope's network targets that were tried and never answered. */
    List<String> unreachable(Scope scope) {
        return scope.targets().stream()
                .filter(t -> t instanceof PromptTarget)
                .filter(t -> {
                    String origin = origin(((PromptTarget) t).url());
                    return tried.contains(origin) && !answered.contains(origin);
                })
                .map(t -> t.id())
                .toList();
    }

    private static String origin(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return (uri.getScheme() + "://" + uri.getHost() + ":" + port).toLowerCase(java.util.Locale.ROOT);
    }
}
