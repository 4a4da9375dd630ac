package dev.bulwark.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.bulwark.core.http.EngagementException.Reason;
import java.io.FileInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An https target signed by a certificate the system does not trust (an internal model server): refused unless the
 * scope trusts it, and even then only under the host name it was issued for.
 */
class TrustedCertificatesTest {
    @TempDir
    Path dir;

    /** A self-signed certificate and its key, made by the JDK's keytool, for the given subject alternative names. */
    private KeyStore selfSigned(String name, String san) throws Exception {
        Path file = dir.resolve(name + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-ext", "san=" + san, "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(file.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        return store;
    }

    private record Server(HttpsServer server, AtomicInteger served) implements AutoCloseable {
        URI uri() {
            return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/v1/models");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static Server serve(KeyStore keys) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        var served = new AtomicInteger();
        server.createContext("/", exchange -> {
            served.incrementAndGet();
            byte[] body = "{\"data\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return new Server(server, served);
    }

    private static X509Certificate certificate(KeyStore keys) throws Exception {
        return (X509Certificate) keys.getCertificate("server");
    }

    @Test
    void aPrivateCertificateIsRefusedUntilTheScopeTrustsIt() throws Exception {
        KeyStore keys = selfSigned("model-server", "ip:127.0.0.1");
        try (Server target = serve(keys)) {
            try (var client = EngagementClient.builder(Rules.of(List.of("127.0.0.1"), 1000, 10, 3)).build()) {
                assertThatThrownBy(() -> client.send(HttpCall.get(target.uri())))
                        .isInstanceOfSatisfying(EngagementException.class,
                                e -> assertThat(e.reason()).isEqualTo(Reason.TRANSPORT))
                        .hasMessageContaining("certificate is not trusted").hasMessageContaining("tls.trustedCertificates")
                        .hasMessageContaining("1 try)");
                assertThat(client.requestsSent()).as("not retried: it would fail the same way").isEqualTo(1);
            }
            try (var client = EngagementClient.builder(Rules.of(List.of("127.0.0.1"), 1000, 10, 0))
                    .trustedCertificates(List.of(certificate(keys))).build()) {
                HttpReply reply = client.send(HttpCall.get(target.uri()));
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.bodyText()).isEqualTo("{\"data\":[]}");
            }
            assertThat(target.served()).hasValue(1);
        }
    }

    @Test
    void aTrustedCertificateStillHasToNameTheHost() throws Exception {
        KeyStore keys = selfSigned("elsewhere", "dns:model.internal.example");
        try (Server target = serve(keys);
             var client = EngagementClient.builder(Rules.of(List.of("127.0.0.1"), 1000, 10, 0))
                     .trustedCertificates(List.of(certificate(keys))).build()) {
            assertThatThrownBy(() -> client.send(HttpCall.get(target.uri())))
                    .isInstanceOfSatisfying(EngagementException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TRANSPORT));
            assertThat(target.served()).hasValue(0);
        }
    }
}
