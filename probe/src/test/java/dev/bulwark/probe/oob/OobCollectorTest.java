package dev.bulwark.probe.oob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OobCollectorTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static int get(URI uri, String method) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void recordsFetchesOfPlantedUrlsOnLoopbackOnly() throws Exception {
        try (OobCollector collector = OobCollector.start()) {
            URI url = collector.urlFor("bwk0123456789");
            assertThat(url.getHost()).isEqualTo("127.0.0.1");
            assertThat(get(URI.create(url + "?q=jane%40x.test"), "GET")).isEqualTo(200);
            assertThat(get(url.resolve("/bwk/NOT-A-TOKEN"), "GET")).isEqualTo(404);
            assertThat(get(url.resolve("/other"), "GET")).isEqualTo(404);
            assertThat(get(url, "POST")).isEqualTo(404);
            var hits = collector.await(List.of("bwk0123456789"), Duration.ofSeconds(2));
            assertThat(hits).hasSize(1);
            assertThat(hits.get(0).query()).isEqualTo("q=jane%40x.test");
            assertThat(collector.hits("bwkffffffffff")).isEmpty();
            assertThatThrownBy(() -> collector.urlFor("../x")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void withoutTheCollectorUrlsUseNonResolvingHosts() {
        URI url = ExfilUrls.url(Optional.empty(), "bwk0123456789");
        assertThat(url.getHost()).isEqualTo("bwk0123456789.bwk.invalid");
        assertThat(ExfilUrls.isLoopback(URI.create("http://127.0.0.1:8080/x"))).isTrue();
        assertThat(ExfilUrls.isLoopback(URI.create("http://[::1]:8080/x"))).isTrue();
        assertThat(ExfilUrls.isLoopback(URI.create("https://api.example.com/x"))).isFalse();
    }
}
