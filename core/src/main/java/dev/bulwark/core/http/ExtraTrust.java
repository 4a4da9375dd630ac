package dev.bulwark.core.http;

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
 * An SSL context that trusts the system's certificate authorities and, besides them, the scope's
 * {@code tls.trustedCertificates} (an internal CA, a self-signed model server). Host names are still verified: the
 * JDK client checks the endpoint's identity around any plain {@link X509TrustManager}.
 */
final class ExtraTrust {
    private ExtraTrust() {
    }

    static SSLContext context(List<X509Certificate> extra) {
        try {
            X509TrustManager system = trustManager(null);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < extra.size(); i++) store.setCertificateEntry("scope-" + i, extra.get(i));
            X509TrustManager scope = trustManager(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new Either(system, scope)}, null);
            return context;
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
    private record Either(X509TrustManager system, X509TrustManager scope) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                system.checkServerTrusted(chain, authType);
            } catch (CertificateException notBySystem) {
                try {
                    scope.checkServerTrusted(chain, authType);
                } catch (CertificateException notByScope) {
                    notBySystem.addSuppressed(notByScope);
                    throw notBySystem;
                }
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the engagement client never accepts client connections");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return Stream.concat(Arrays.stream(system.getAcceptedIssuers()), Arrays.stream(scope.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
