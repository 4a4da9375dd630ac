package dev.bulwark.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.http.EngagementException.Reason;
import dev.bulwark.core.http.TestServer.Answer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nothing reaches a host outside allowedHosts, redirects included. */
class AllowListTest {

    @Test
    void aHostOutsideTheAllowListIsNeverContacted() throws Exception {
        try (TestServer b = TestServer.ok("secret");
             EngagementClient client = new EngagementClient(Rules.loopback())) {
            // B listens on 127.0.0.1 but is addressed as "localhost", which the rules do not allow.
            assertThatThrownBy(() -> client.send(HttpCall.get(b.uriAs("localhost", "/"))))
                    .isInstanceOfSatisfying(EngagementException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.OUT_OF_SCOPE))
                    .hasMessageContaining("localhost");
            assertThat(b.count()).isZero();
            assertThat(client.requestsSent()).isZero();
            assertThat(client.remainingBudget()).isEqualTo(1000);
        }
    }

    @Test
    void aRedirectOutOfScopeIsRefusedBeforeItIsSent() throws Exception {
        try (TestServer b = TestServer.ok("secret");
             TestServer a = TestServer.start((r, i) -> Answer.redirect(302, b.uriAs("localhost", "/").toString()));
             EngagementClient client = new EngagementClient(Rules.loopback())) {
            assertThatThrownBy(() -> client.send(HttpCall.get(a.uri("/start"))))
                    .isInstanceOfSatisfying(EngagementException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.OUT_OF_SCOPE));
            assertThat(a.count()).isEqualTo(1);
            assertThat(b.count()).isZero();
            assertThat(client.requestsSent()).isEqualTo(1);
        }
    }

    @Test
    void aRedirectToAnotherSchemeIsRefused() throws Exception {
        try (TestServer a = TestServer.start((r, i) -> Answer.redirect(301, "file:///etc/passwd"));
             EngagementClient client = new EngagementClient(Rules.loopback())) {
            assertThatThrownBy(() -> client.send(HttpCall.get(a.uri("/"))))
                    .isInstanceOfSatisfying(EngagementException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.OUT_OF_SCOPE))
                    .hasMessageContaining("only http and https");
            assertThatThrownBy(() -> client.send(HttpCall.get(URI.create("ftp://127.0.0.1/x"))))
                    .isInstanceOfSatisfying(EngagementException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.OUT_OF_SCOPE));
            assertThat(a.count()).isEqualTo(1);
        }
    }

    @Test
    void aRedirectChainInsideScopeIsFollowed() throws Exception {
        try (TestServer b = TestServer.ok("arrived");
             TestServer a = TestServer.start((r, i) -> r.path().equals("/one")
                     ? Answer.redirect(302, "/two")
                     : Answer.redirect(307, b.uri("/three").toString()));
             EngagementClient client = new EngagementClient(Rules.loopback())) {
            HttpReply reply = client.send(HttpCall.get(a.uri("/one")));
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.bodyText()).isEqualTo("arrived");
            assertThat(reply.finalUri()).isEqualTo(b.uri("/three"));
            assertThat(reply.tries()).isEqualTo(3);
            assertThat(a.seen()).extracting(TestServer.Seen::path).containsExactly("/one", "/two");
            assertThat(client.requestsSent()).isEqualTo(3);
        }
    }

    @Test
    void aRedirectLoopStopsAtTheHopLimit() throws Exception {
        try (TestServer a = TestServer.start((r, i) -> Answer.redirect(302, "/loop"));
             EngagementClient client = new EngagementClient(Rules.loopback())) {
            assertThatThrownBy(() -> client.send(HttpCall.get(a.uri("/loop"))))
                    .isInstanceOfSatisfying(EngagementException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TRANSPORT))
                    .hasMessageContaining("more than 5 redirects");
            assertThat(a.count()).isEqualTo(1 + Redirects.MAX_HOPS);
        }
    }

    @Test
    void redirectsAreReturnedWhenTheCallDoesNotFollowThem() throws Exception {
        try (TestServer a = TestServer.start((r, i) -> Answer.redirect(302, "http://elsewhere.example/"));
             EngagementClient client = new EngagementClient(Rules.loopback())) {
            HttpReply reply = client.send(HttpCall.get(a.uri("/")).withoutRedirects());
            assertThat(reply.status()).isEqualTo(302);
            assertThat(reply.header("location")).contains("http://elsewhere.example/");
        }
    }

    @Test
    void see303BecomesGetWithoutBodyWhile307KeepsMethodAndBody() throws Exception {
        try (TestServer a = TestServer.start((r, i) -> switch (r.path()) {
            case "/303" -> Answer.redirect(303, "/after303");
            case "/307" -> Answer.redirect(307, "/after307");
            default -> Answer.ok("done");
        }); EngagementClient client = new EngagementClient(Rules.loopback())) {
            client.send(HttpCall.postJson(a.uri("/303"), "{\"q\":1}"));
            client.send(HttpCall.postJson(a.uri("/307"), "{\"q\":2}"));
            List<TestServer.Seen> seen = a.seen();
            assertThat(seen.get(1).method()).isEqualTo("GET");
            assertThat(seen.get(1).body()).isEmpty();
            assertThat(seen.get(1).hasHeader("Content-Type")).isFalse();
            assertThat(seen.get(3).method()).isEqualTo("POST");
            assertThat(seen.get(3).bodyText()).isEqualTo("{\"q\":2}");
        }
    }

    @Test
    void anIpv6LiteralIsMatchedWithOrWithoutBrackets() {
        var rules = Rules.of(List.of("[::1]"), 10, 10, 0);
        assertThat(rules.allows(URI.create("http://[::1]:8080/").getHost())).isTrue();
        assertThat(rules.allows("::1")).isTrue();
        assertThat(rules.allows("::2")).isFalse();
    }
}
