package dev.bulwark.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.http.TestServer.Answer;
import dev.bulwark.core.scope.Auth;
import dev.bulwark.core.scope.LlmChatTarget;
import dev.bulwark.core.scope.Scope;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Credentials go only to the origin they were meant for. */
class CredentialRedirectTest {

    private static HttpCall withSecrets(java.net.URI uri) {
        return HttpCall.get(uri)
                .withHeader("Authorization", "Bearer sk-live-123456")
                .withHeader("Cookie", "session=abc")
                .withHeader("X-Api-Key", "key-123")
                .withHeader("X-Trace", "keep-me");
    }

    @Test
    void credentialsAreDroppedWhenARedirectChangesHost() throws Exception {
        var rules = Rules.of(List.of("127.0.0.1", "localhost"), 1000, 100, 0);
        try (TestServer b = TestServer.ok("b");
             TestServer a = TestServer.start((r, i) -> Answer.redirect(302, b.uriAs("localhost", "/").toString()));
             EngagementClient client = EngagementClient.builder(rules).credentialHeaders(List.of("X-Api-Key")).build()) {
            assertThat(client.send(withSecrets(a.uri("/"))).status()).isEqualTo(200);
            var first = a.seen().get(0);
            assertThat(first.hasHeader("Authorization")).isTrue();
            assertThat(first.hasHeader("X-api-key")).isTrue();
            var hop = b.seen().get(0);
            assertThat(hop.hasHeader("Authorization")).isFalse();
            assertThat(hop.hasHeader("Cookie")).isFalse();
            assertThat(hop.hasHeader("X-api-key")).isFalse();
            assertThat(hop.headers().getFirst("X-Trace")).isEqualTo("keep-me");
        }
    }

    @Test
    void credentialsAreDroppedWhenARedirectChangesPort() throws Exception {
        try (TestServer b = TestServer.ok("b");
             TestServer a = TestServer.start((r, i) -> Answer.redirect(307, b.uri("/").toString()));
             EngagementClient client = new EngagementClient(Rules.loopback())) {
            client.send(withSecrets(a.uri("/")));
            assertThat(b.seen().get(0).hasHeader("Authorization")).isFalse();
            assertThat(b.seen().get(0).hasHeader("Cookie")).isFalse();
        }
    }

    @Test
    void credentialsStayOnASameOriginRedirect() throws Exception {
        try (TestServer a = TestServer.start((r, i) -> r.path().equals("/") ? Answer.redirect(302, "/next")
                : Answer.ok("x"));
             EngagementClient client = new EngagementClient(Rules.loopback())) {
            client.send(withSecrets(a.uri("/")));
            assertThat(a.seen().get(1).headers().getFirst("Authorization")).isEqualTo("Bearer sk-live-123456");
            assertThat(a.seen().get(1).hasHeader("Cookie")).isTrue();
        }
    }

    @Test
    void theScopeBuilderTreatsEveryTargetsAuthHeaderAsACredential() throws Exception {
        var rules = Rules.of(List.of("127.0.0.1", "localhost"), 1000, 100, 0);
        try (TestServer b = TestServer.ok("b");
             TestServer a = TestServer.start((r, i) -> Answer.redirect(302, b.uriAs("localhost", "/").toString()))) {
            var target = new LlmChatTarget("bot", a.uri("/"), "m", Optional.of(new Auth("X-Api-Key", "key-123")),
                    List.of(), List.of());
            var scope = new Scope(null, new Scope.Engagement("t", "o"), rules, List.of(), List.of(target), List.of(),
                    List.of());
            try (EngagementClient client = EngagementClient.builder(scope).build()) {
                client.send(withSecrets(a.uri("/")));
            }
            assertThat(b.seen().get(0).hasHeader("X-api-key")).isFalse();
            assertThat(b.seen().get(0).hasHeader("X-Trace")).isTrue();
        }
    }
}
