package dev.bulwark.guard.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.config.TlsConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
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
        TestCertificates certificates = TestCertificates.selfSigned(dir, "guard", "ip:127.0.0.1,dns:localhost");
        fakes.tls = new TlsConfig(certificates.certificatePem(), certificates.privateKeyPem());
        start();
        assertThat(guard.url()).startsWith("https://127.0.0.1:");

        SSLContext ssl = certificates.trustingOnlyThis();
        HttpClient https = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1).build();

        HttpResponse<String> response = https.send(HttpRequest.newBuilder(URI.create(guard.url() + "/v1/chat/completions"))
                .header("authorization", "Bearer " + Fakes.KEY)
                .POST(HttpRequest.BodyPublishers.ofString(chat("gpt-test", false))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Hi from upstream");
    }
}
