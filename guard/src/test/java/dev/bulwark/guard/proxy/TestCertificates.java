package dev.bulwark.guard.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/** Self-signed certificates made by the JDK's keytool, as PEM files a gateway or a stub server can serve with. */
record TestCertificates(Path certificatePem, Path privateKeyPem, X509Certificate certificate, Path keyStore) {

    /** A certificate for {@code san} (keytool syntax, e.g. {@code ip:127.0.0.1,dns:localhost}) in {@code dir}. */
    static TestCertificates selfSigned(Path dir, String name, String san) throws Exception {
        Path keystore = dir.resolve(name + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-ext", "san=" + san, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(keystore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        var certificate = (X509Certificate) store.getCertificate(name);
        Path certPem = dir.resolve(name + "-cert.pem");
        Path keyPem = dir.resolve(name + "-key.pem");
        Files.writeString(certPem, pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(keyPem, pem("PRIVATE KEY", store.getKey(name, "changeit".toCharArray()).getEncoded()));
        return new TestCertificates(certPem, keyPem, certificate, keystore);
    }

    /** A client context trusting this certificate only. */
    SSLContext trustingOnlyThis() throws Exception {
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, trustManagers(certificate), null);
        return ssl;
    }

    /**
     * A client context trusting only {@code server}'s certificate and presenting this one whatever authorities the
     * server asks for (the JDK would otherwise send none the server did not name, and the server's own check would
     * go untested).
     */
    SSLContext presentingThisTo(TestCertificates server) throws Exception {
        KeyStore own = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(keyStore.toFile())) {
            own.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(own, "changeit".toCharArray());
        var keys = (X509KeyManager) kmf.getKeyManagers()[0];
        String alias = own.aliases().nextElement();
        var always = new X509ExtendedKeyManager() {
            @Override
            public String[] getClientAliases(String keyType, Principal[] issuers) {
                return new String[] {alias};
            }

            @Override
            public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                return alias;
            }

            @Override
            public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
                return alias;
            }

            @Override
            public String[] getServerAliases(String keyType, Principal[] issuers) {
                return null;
            }

            @Override
            public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                return null;
            }

            @Override
            public X509Certificate[] getCertificateChain(String name) {
                return keys.getCertificateChain(name);
            }

            @Override
            public PrivateKey getPrivateKey(String name) {
                return keys.getPrivateKey(name);
            }
        };
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(new KeyManager[] {always}, trustManagers(server.certificate), null);
        return ssl;
    }

    /** The SHA-256 fingerprint of this certificate as {@code openssl x509 -fingerprint -sha256} prints it. */
    String fingerprint() throws Exception {
        return HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    private static TrustManager[] trustManagers(X509Certificate trusted) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("trusted", trusted);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        return tmf.getTrustManagers();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
