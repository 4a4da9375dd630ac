package dev.bulwark.cli.demo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start, bind and close: port 0 picks a free port, a given port is used, close() gives the port back. */
class DemoTargetLifecycleTest {

    @Test
    void portZeroPicksAFreeLoopbackPort() {
        try (DemoTarget target = DemoTarget.start(DemoTarget.Options.vulnerable())) {
            assertThat(target.port()).isPositive();
            assertThat(target.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + target.port());
            assertThat(new DemoClient(target.baseUrl()).get("/health").statusCode()).isEqualTo(200);
            assertThat(target.requestsServed()).isEqualTo(1);
        }
    }

    @Test
    void listensOnAGivenPortAndReleasesItOnClose() throws IOException {
        int port = freePort();
        DemoTarget target = DemoTarget.start(DemoTarget.Options.vulnerable(port));
        assertThat(target.port()).isEqualTo(port);
        assertThat(new DemoClient(target.baseUrl()).get("/health").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> DemoTarget.start(DemoTarget.Options.vulnerable(port)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(String.valueOf(port));
        target.close();
        target.close(); // idempotent
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName(DemoTarget.HOST))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void optionsRejectNonsense() {
        assertThatThrownBy(() -> new DemoTarget.Options(70_000, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoTarget.Options.hardened(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemoTarget.RateLimit(0, 1)).isInstanceOf(IllegalArgumentException.class);
        DemoTarget.Options generated = new DemoTarget.Options(0, true);
        assertThat(generated.apiKey()).startsWith("bwk-demo-").hasSizeGreaterThan(30);
        assertThat(generated.toString()).doesNotContain(generated.apiKey());
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(DemoTarget.HOST))) {
            return probe.getLocalPort();
        }
    }
}
