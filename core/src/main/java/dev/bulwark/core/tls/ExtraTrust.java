package dev.bulwark.core.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trust in the system's certificate authorities and, besides them, a configuration's {@code trustedCertificates} (an
 * internal CA, a self-signed model server). Host names are still verified by the client using it: the JDK client
 * checks the endpoint's identity around any plain {@link X509TrustManager}, the gateway's Vert.x client is told to.
 */
public final class ExtraTrust {
    private ExtraTrust() {
    }

    /** A client context trusting the system's authorities and {@code extra}. */
    public static SSLContext context(List<X509Certificate> extra) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager(extra)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    /** A server-certificate check that passes when the system's authorities or {@code extra} vouch for the chain. */
    public static X509TrustManager trustManager(List<X509Certificate> extra) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < extra.size(); i++) store.setCertificateEntry("extra-" + i, extra.get(i));
            return new Either(trustManager((KeyStore) null), trustManager(store));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast).findFirst()
                .orElseThrow(() -> new GeneralSecurityException("no X.509 trust manager"));
    }

    /** Trusted when either manager trusts the chain; the system's reason is kept when neither does. */
    private record Either(X509TrustManager system, X509TrustManager extra) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                system.checkServerTrusted(chain, authType);
            } catch (CertificateException notBySystem) {
                try {
                    extra.checkServerTrusted(chain, authType);
                } catch (CertificateException notByExtra) {
                    notBySystem.addSuppressed(notByExtra);
                    throw notBySystem;
                }
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a client trust manager never accepts client connections");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return Stream.concat(Arrays.stream(system.getAcceptedIssuers()), Arrays.stream(extra.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
