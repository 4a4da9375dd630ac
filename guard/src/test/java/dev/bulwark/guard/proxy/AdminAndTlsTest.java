package dev.bulwark.guard.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.config.TlsConfig;
import java.io.FileInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin listener (health, Prometheus metrics) and TLS on the client listener. */
class AdminAndTlsTest extends GatewayTestBase {

    @Test
    void healthAndMetricsAreOnTheAdminPortOnly() throws Exception {
        start();
        assertThat(post("/v1/chat/completions", chat("gpt-test", false)).statusCode()).isEqualTo(200);
        fakes.audit.next(); // metrics are recorded before the audit record is written

        String admin = "http://127.0.0.1:" + guard.adminPort();
        HttpResponse<String> health = get(admin + "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).path("status").asText()).isEqualTo("ok");

        HttpResponse<String> metrics = get(admin + "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("bulwark_guard_requests_total{")
                .containsPattern("bulwark_guard_requests_total\\{[^}]*outcome=\"allowed\"[^}]*route=\"chat\"[^}]*status=\"200\"[^}]*} 1\\.0")
                .contains("bulwark_guard_upstream_latency_seconds_bucket{")
                .contains("bulwark_guard_added_latency_seconds_bucket{")
                .contains("bulwark_guard_active_streams");

        assertThat(get(guard.url() + "/metrics").statusCode()).isEqualTo(404);
        assertThat(get(admin + "/v1/chat/completions").statusCode()).isEqualTo(404);
    }

    @Test
    void tlsListenerServesHttpsWithThePemCertificate(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("guard.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "guard", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(keystore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        Key key = store.getKey("guard", "changeit".toCharArray());
        Certificate cert = store.getCertificate("guard");
        Path certPem = dir.resolve("cert.pem");
        Path keyPem = dir.resolve("key.pem");
        Files.writeString(certPem, pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));

        fakes.tls = new TlsConfig(certPem, keyPem);
        start();
        assertThat(guard.url()).startsWith("https://127.0.0.1:");

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("guard", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1).build();

        HttpResponse<String> response = https.send(HttpRequest.newBuilder(URI.create(guard.url() + "/v1/chat/completions"))
                .header("authorization", "Bearer " + Fakes.KEY)
                .POST(HttpRequest.BodyPublishers.ofString(chat("gpt-test", false))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Hi from upstream");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
