package dev.bulwark.guard.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.guard.pipeline.AccessControl;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A JWKS served over HTTP by a real local server: fetched in the background, refetched when a new kid appears. */
class JwksUrlTest {
    @Test
    void keys_come_from_the_url_in_the_background_and_a_rotated_key_is_picked_up() throws Exception {
        RSAKey first = new RSAKeyGenerator(2048).keyID("k1").generate();
        RSAKey rotated = new RSAKeyGenerator(2048).keyID("k2").generate();
        AtomicReference<String> served = new AtomicReference<>(new JWKSet(first.toPublicJWK()).toString());
        AtomicInteger fetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
        AccessControl access = Access.from(Configs.of(List.of(), List.of(),
                JwtAuthenticationTest.jwtConfig(null, url)), Duration.ZERO);
        try {
            String token1 = JwtAuthenticationTest.sign(new RSASSASigner(first), JWSAlgorithm.RS256, "k1",
                    JwtAuthenticationTest.claims().build());
            await(() -> access.authenticate(bearer(token1)) instanceof AccessControl.Authenticated);

            served.set(new JWKSet(List.of(first.toPublicJWK(), rotated.toPublicJWK())).toString());
            String token2 = JwtAuthenticationTest.sign(new RSASSASigner(rotated), JWSAlgorithm.RS256, "k2",
                    JwtAuthenticationTest.claims().build());
            // the first sight of k2 asks for a reload (the scheduled refresh is 5 min away)
            await(() -> access.authenticate(bearer(token2)) instanceof AccessControl.Authenticated);
            assertThat(fetches.get()).isGreaterThanOrEqualTo(2);
        } finally {
            ((AutoCloseable) access).close();
            server.stop(0);
        }
    }

    static dev.bulwark.guard.pipeline.RequestHead bearer(String token) {
        return Configs.head(Map.of("authorization", "Bearer " + token));
    }

    static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
