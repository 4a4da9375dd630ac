package dev.bulwark.core.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a redirect reply into the next call. The engagement client follows redirects itself (never the JDK client)
 * so each hop passes the allow-list before it is sent. Credentials travel only to the origin they were meant for:
 * when a hop changes scheme, host or port they are dropped, so a redirect cannot walk a secret to another service.
 */
final class Redirects {
    static final int MAX_HOPS = 5;

    private Redirects() {
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The next hop, or empty when the reply carries no usable {@code Location}. */
    static Optional<HttpCall> next(HttpCall from, int status, Optional<String> location, Set<String> credentialHeaders)
            throws EngagementException {
        if (location.isEmpty() || location.get().isBlank()) return Optional.empty();
        URI target;
        try {
            target = from.uri().resolve(new URI(location.get().strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new EngagementException(EngagementException.Reason.TRANSPORT,
                    "redirect from " + from.uri() + " has an unusable Location header", e);
        }
        // 303 always becomes GET; 301/302 after POST become GET as every browser does; 307/308 keep method and body.
        boolean toGet = (status == 303 && !from.method().equalsIgnoreCase("HEAD"))
                || ((status == 301 || status == 302) && from.method().equalsIgnoreCase("POST"));
        var headers = new LinkedHashMap<>(from.headers());
        if (toGet) headers.keySet().removeIf(k -> k.equalsIgnoreCase("Content-Type"));
        if (!sameOrigin(from.uri(), target)) {
            headers.keySet().removeIf(k -> credentialHeaders.contains(k.toLowerCase(Locale.ROOT)));
        }
        return Optional.of(new HttpCall(toGet ? "GET" : from.method(), target, headers, toGet ? null : from.body(),
                from.followRedirects(), from.retryThrottled()));
    }

    static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme()))
                && Objects.equals(lower(a.getHost()), lower(b.getHost()))
                && port(a) == port(b);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int port(URI u) {
        if (u.getPort() != -1) return u.getPort();
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
