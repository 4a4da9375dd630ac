package dev.bulwark.guard.proxy;

import dev.bulwark.core.tls.ExtraTrust;
import dev.bulwark.guard.config.Upstream;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.TrustOptions;
import java.security.cert.CertificateException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;

/**
 * The TLS options of the upstreams that trust certificates besides the system's ({@code upstreams[].tls}), built
 * once at start: the trust store is read then, not on the event loop, and one options object per upstream lets the
 * shared client pool its connections. Upstreams without extra trust use the client's defaults.
 */
final class UpstreamTls {
    /** RFC 2818 / 6125 host checking, which the client applies around the plain trust manager. */
    private static final String VERIFY_HOST = "HTTPS";

    private final Map<String, ClientSSLOptions> byUpstream;

    private UpstreamTls(Map<String, ClientSSLOptions> byUpstream) {
        this.byUpstream = byUpstream;
    }

    static UpstreamTls of(List<Upstream> upstreams) {
        Map<String, ClientSSLOptions> options = new HashMap<>();
        for (Upstream u : upstreams) {
            if (u.trustedCertificates().isEmpty()) continue;
            options.put(u.id(), new ClientSSLOptions()
                    .setTrustOptions(TrustOptions.wrap(ExtraTrust.trustManager(u.trustedCertificates())))
                    .setHostnameVerificationAlgorithm(VERIFY_HOST));
        }
        return new UpstreamTls(Map.copyOf(options));
    }

    /** The options for {@code upstream}, or null for the client's defaults. */
    ClientSSLOptions forUpstream(Upstream upstream) {
        return byUpstream.get(upstream.id());
    }

    /**
     * Logs a refused upstream certificate with the fix, at most once a minute per upstream: a broken upstream under
     * load would otherwise write a line per request.
     */
    static final class Warnings {
        private static final Logger LOG = Logger.getLogger(UpstreamTls.class.getName());
        private static final long EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
        private final Map<String, Long> last = new ConcurrentHashMap<>();

        void warn(String upstreamId) {
            long now = System.nanoTime();
            Long before = last.get(upstreamId);
            if (before != null && now - before < EVERY_NANOS) return;
            last.put(upstreamId, now);
            LOG.warning("upstream " + upstreamId + ": TLS handshake failed (certificate not trusted, or not issued for"
                    + " the upstream's host name); a private CA or self-signed certificate goes in"
                    + " upstreams[].tls.trustedCertificates");
        }
    }

    /**
     * Whether {@code failure} is a handshake the upstream's certificate failed (not trusted, issued for another host):
     * a certificate error under the TLS one. A handshake that timed out or found no common protocol is not this.
     */
    static boolean isCertificateFailure(Throwable failure) {
        boolean tls = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException) tls = true;
            if (tls && t instanceof CertificateException) return true;
        }
        return false;
    }
}
