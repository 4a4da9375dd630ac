package dev.bulwark.guard.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.guard.access.Access;
import dev.bulwark.guard.config.ApiKeys;
import dev.bulwark.guard.config.ClientConfig;
import dev.bulwark.guard.config.Limits;
import dev.bulwark.guard.config.TlsConfig;
import dev.bulwark.guard.config.TlsConfig.ClientCertificates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS with the real access control: a client whose certificate is pinned in {@code certificateSha256} is that
 * client without an API key; another certificate is nobody; {@code require} keeps out connections without one, and
 * {@code clientCa} those whose certificate it did not sign.
 */
class MutualTlsTest extends GatewayTestBase {
    private static final String KEY = "billing-app-key-0123456789";

    @TempDir
    Path dir;
    private TestCertificates server;
    private TestCertificates billing;
    private TestCertificates stranger;

    @BeforeEach
    void certificates() throws Exception {
        server = TestCertificates.selfSigned(dir, "guard", "ip:127.0.0.1,dns:localhost");
        billing = TestCertificates.selfSigned(dir, "billing", "dns:billing.internal");
        stranger = TestCertificates.selfSigned(dir, "stranger", "dns:stranger.internal");
    }

    @Test
    void aPinnedCertificateIsItsClientWithoutAKeyAndAnUnpinnedOneIsNobody() throws Exception {
        startWith(ClientCertificates.REQUIRE, null);

        HttpResponse<String> pinned = send(billing.presentingThisTo(server), null);
        HttpResponse<String> unpinned = send(stranger.presentingThisTo(server), null);

        assertThat(pinned.statusCode()).isEqualTo(200);
        assertThat(fakes.audit.next().clientId()).isEqualTo("billing");
        assertThat(unpinned.statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> send(server.trustingOnlyThis(), "Bearer " + KEY))
                .as("require: no certificate, no connection, whatever the key").isInstanceOf(IOException.class);
    }

    @Test
    void requestLetsClientsWithoutACertificateUseTheirKeyAndTheAuthorityIsEnforced() throws Exception {
        startWith(ClientCertificates.REQUEST, billing.certificatePem());

        assertThat(send(server.trustingOnlyThis(), "Bearer " + KEY).statusCode()).isEqualTo(200);
        assertThat(send(server.trustingOnlyThis(), null).statusCode()).isEqualTo(401);
        assertThat(send(billing.presentingThisTo(server), null).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> send(stranger.presentingThisTo(server), "Bearer " + KEY))
                .as("a certificate the client authority did not sign").isInstanceOf(IOException.class);
    }

    private void startWith(ClientCertificates mode, Path clientCa) throws Exception {
        fakes.tls = new TlsConfig(server.certificatePem(), server.privateKeyPem(), mode, clientCa);
        fakes.clients = List.of(new ClientConfig("billing", ApiKeys.sha256Hex(KEY), billing.fingerprint().replace(":", "")
                .toLowerCase(Locale.ROOT), List.of("chat"), Limits.NONE));
        fakes.access = Access.from(fakes.config(stub.url()));
        start();
    }

    private HttpResponse<String> send(SSLContext ssl, String authorization) throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(guard.url() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(20)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(chat("gpt-test", false)));
        if (authorization != null) request.header("authorization", authorization);
        return https.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
