package dev.bulwark.guard.proxy;

import dev.bulwark.guard.config.AddressBlock;
import dev.bulwark.guard.config.ForwardedHeader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which address the limits and the audit record see, with and without a trusted proxy in front. */
class ForwardedForTest extends GatewayTestBase {
    @Test
    void behindATrustedProxyTheClientIsTheAddressItAppended() throws Exception {
        fakes.trustedProxies = List.of(AddressBlock.parse("127.0.0.0/8").orElseThrow());
        start();
        assertThat(postFrom("203.0.113.66, 198.51.100.7").statusCode()).isEqualTo(200);
        assertThat(fakes.audit.next().remoteIp()).isEqualTo("198.51.100.7");
        assertThat(postFrom(null).statusCode()).isEqualTo(200);
        assertThat(fakes.audit.next().remoteIp()).as("no header: the proxy itself").isEqualTo("127.0.0.1");
    }

    @Test
    void configuredForTheRfc7239HeaderTheGatewayReadsItAndNotXForwardedFor() throws Exception {
        fakes.trustedProxies = List.of(AddressBlock.parse("127.0.0.0/8").orElseThrow());
        fakes.forwardedHeader = ForwardedHeader.FORWARDED;
        start();
        assertThat(postWith("Forwarded", "for=203.0.113.66, for=\"198.51.100.7:4711\";proto=https").statusCode())
                .isEqualTo(200);
        assertThat(fakes.audit.next().remoteIp()).isEqualTo("198.51.100.7");
        assertThat(postFrom("198.51.100.8").statusCode()).isEqualTo(200);
        assertThat(fakes.audit.next().remoteIp()).as("the other header is not read").isEqualTo("127.0.0.1");
    }

    @Test
    void fromAPeerThatIsNotTrustedTheHeaderIsIgnored() throws Exception {
        start();
        assertThat(postFrom("198.51.100.7").statusCode()).isEqualTo(200);
        assertThat(fakes.audit.next().remoteIp()).isEqualTo("127.0.0.1");
    }

    private HttpResponse<String> postFrom(String forwardedFor) throws Exception {
        return postWith("X-Forwarded-For", forwardedFor);
    }

    private HttpResponse<String> postWith(String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(guard.url() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(20)).header("content-type", "application/json")
                .header("authorization", "Bearer " + Fakes.KEY)
                .POST(HttpRequest.BodyPublishers.ofString(chat("gpt-4o-mini", false)));
        if (value != null) request.header(header, value);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
