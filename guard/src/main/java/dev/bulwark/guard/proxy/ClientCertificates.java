package dev.bulwark.guard.proxy;

import io.vertx.core.http.HttpServerRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;

/** The TLS client certificate a request's connection presented, as the fingerprint clients are pinned by. */
final class ClientCertificates {
    private ClientCertificates() {
    }

    /** Lower-case hex SHA-256 of the client's own (first) certificate's DER encoding, or null when it sent none. */
    static String sha256(HttpServerRequest request) {
        if (!request.isSSL()) return null;
        try {
            List<Certificate> chain = request.connection().peerCertificates();
            if (chain == null || chain.isEmpty()) return null;
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(chain.get(0).getEncoded()));
        } catch (SSLPeerUnverifiedException | CertificateEncodingException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
