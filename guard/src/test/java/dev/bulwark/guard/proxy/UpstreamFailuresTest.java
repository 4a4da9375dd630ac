package dev.bulwark.guard.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.pipeline.AuditEvent;
import io.vertx.core.MultiMap;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the client gets when the upstream is down, slow or failing, and what never reaches the upstream. */
class UpstreamFailuresTest extends GatewayTestBase {

    @Test
    void upstreamDownIsA502JsonAndAudited() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        start("http://127.0.0.1:" + closedPort);
        HttpResponse<String> response = post("/v1/chat/completions", chat("gpt-test", false));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(errorCode(response)).isEqualTo("upstream_unavailable");
        assertThat(response.body()).doesNotContain("Connection refused").doesNotContain(Integer.toString(closedPort));
        AuditEvent event = fakes.audit.next();
        assertThat(event.outcome()).isEqualTo("upstream-error");
        assertThat(event.status()).isEqualTo(502);
        assertThat(event.upstream()).isEqualTo("main");
    }

    @Test
    void unresolvableUpstreamIsA502() throws Exception {
        start("http://no-such-host.invalid");
        HttpResponse<String> response = post("/v1/chat/completions", chat("gpt-test", false));
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(errorCode(response)).isEqualTo("upstream_unavailable");
    }

    @Test
    void slowUpstreamIsA504() throws Exception {
        fakes.upstreamTimeout = Duration.ofMillis(300);
        start();
        HttpResponse<String> response = post("/v1/chat/completions", chat("stub-hang", false));

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(errorCode(response)).isEqualTo("upstream_timeout");
        assertThat(fakes.audit.next().outcome()).isEqualTo("upstream-error");
    }

    @Test
    void upstreamErrorBodyNeverReachesTheClient() throws Exception {
        start();
        HttpResponse<String> response = post("/v1/chat/completions", chat("stub-500", false));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(errorCode(response)).isEqualTo("upstream_error");
        assertThat(response.body()).doesNotContain("Traceback").doesNotContain("hunter2").doesNotContain("/srv/internal");
        AuditEvent event = fakes.audit.next();
        assertThat(event.outcome()).isEqualTo("upstream-error");
    }

    @Test
    void clientCredentialsAndCookiesAreNeverForwarded() throws Exception {
        start();
        HttpRequest request = HttpRequest.newBuilder(URI.create(guard.url() + "/v1/chat/completions"))
                .header("authorization", "Bearer " + Fakes.KEY)
                .header("api-key", "client-azure-key")
                .header("cookie", "session=client-cookie")
                .header("x-custom", "client-header")
                .POST(HttpRequest.BodyPublishers.ofString(chat("gpt-test", false))).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        MultiMap seen = stub.receivedHeaders.poll();
        assertThat(seen.get("authorization")).isEqualTo(Fakes.UPSTREAM_SECRET);
        assertThat(seen.toString()).doesNotContain(Fakes.KEY).doesNotContain("client-azure-key")
                .doesNotContain("client-cookie").doesNotContain("client-header");
    }

    @Test
    void closingDrainsAndClosesTheComponents() throws Exception {
        start();
        assertThat(post("/v1/chat/completions", chat("gpt-test", false)).statusCode()).isEqualTo(200);
        guard.close();
        guard = null;

        assertThat(fakes.audit.drained()).hasSize(1);
        assertThat(fakes.audit.closed).isTrue();
        assertThat(((Fakes.CountingLimiter) fakes.limiter).closed).isTrue();
    }
}
