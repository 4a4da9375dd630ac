package dev.bulwark.guard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.guard.config.ClientConfig;
import dev.bulwark.guard.config.Limits;
import dev.bulwark.guard.pipeline.AccessControl;
import dev.bulwark.guard.pipeline.AccessControl.Authenticated;
import dev.bulwark.guard.pipeline.AccessControl.Rejected;
import dev.bulwark.guard.pipeline.Refusal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyAuthenticationTest {
    static final String SUPPORT_KEY = "bk_live_0123456789abcdefSUPPORT";
    static final String BATCH_KEY = "bk_live_fedcba9876543210BATCH";
    static final Limits SUPPORT_LIMITS = new Limits(60, null, null, 200_000L, 4);
    static AccessControl access;

    @BeforeAll
    static void setUp() throws Exception {
        access = Access.from(Configs.of(List.of(
                new ClientConfig("support-app", Configs.sha256(SUPPORT_KEY), List.of("chat"), SUPPORT_LIMITS),
                new ClientConfig("batch", Configs.sha256(BATCH_KEY).toUpperCase(), List.of("chat", "embed"), null)),
                List.of(), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"authorization=Bearer ", "authorization=bearer ", "authorization=BEARER   ",
            "api-key=", "x-api-key="})
    void a_good_key_in_any_supported_header_authenticates(String headerAndPrefix) {
        String[] parts = headerAndPrefix.split("=", 2);
        var result = access.authenticate(Configs.head(Map.of(parts[0], parts[1] + SUPPORT_KEY)));

        assertThat(result).isInstanceOf(Authenticated.class);
        var caller = ((Authenticated) result).caller();
        assertThat(caller.clientId()).isEqualTo("support-app");
        assertThat(caller.roles()).containsExactly("chat");
        assertThat(caller.via()).isEqualTo("key");
        assertThat(caller.remoteIp()).isEqualTo("203.0.113.7");
        assertThat(caller.limits()).isEqualTo(SUPPORT_LIMITS);
    }

    @Test
    void a_client_without_limits_gets_the_default_limits_and_upper_case_hashes_match() {
        var result = access.authenticate(Configs.head(Map.of("x-api-key", BATCH_KEY)));

        var caller = ((Authenticated) result).caller();
        assertThat(caller.clientId()).isEqualTo("batch");
        assertThat(caller.limits()).isEqualTo(Configs.DEFAULTS);
    }

    @Test
    void authorization_wins_over_the_other_headers() {
        var result = access.authenticate(Configs.head(Map.of("authorization", "Bearer " + BATCH_KEY,
                "x-api-key", SUPPORT_KEY)));

        assertThat(((Authenticated) result).caller().clientId()).isEqualTo("batch");
    }

    @Test
    void another_authorization_scheme_does_not_hide_an_api_key_header() {
        var result = access.authenticate(Configs.head(Map.of("authorization", "Basic dXNlcjpwYXNz",
                "api-key", SUPPORT_KEY)));

        assertThat(((Authenticated) result).caller().clientId()).isEqualTo("support-app");
    }

    @ParameterizedTest
    @ValueSource(strings = {"authorization=Bearer bk_live_wrong", "authorization=Bearer " + SUPPORT_KEY + "x",
            "api-key=" + "bk_live_0123456789abcdefSUPPORt", "authorization=Basic " + SUPPORT_KEY,
            "authorization=" + SUPPORT_KEY, "authorization=Bearer ", "x-api-key=   ",
            "authorization=Bearer a.b.c"})
    void a_wrong_or_malformed_key_is_refused_without_saying_why(String header) {
        String[] parts = header.split("=", 2);
        var result = access.authenticate(Configs.head(Map.of(parts[0], parts[1])));

        assertUnauthenticated(result);
    }

    @Test
    void no_credentials_at_all_is_refused() {
        assertUnauthenticated(access.authenticate(Configs.head(Map.of("content-type", "application/json"))));
    }

    @Test
    void an_oversized_credential_is_refused_unread() {
        assertUnauthenticated(access.authenticate(Configs.head(Map.of("x-api-key", "k".repeat(100_000)))));
    }

    @Test
    void a_hash_that_is_not_sha256_hex_or_a_duplicate_key_stops_the_start() throws Exception {
        assertThatThrownBy(() -> Access.from(Configs.of(List.of(
                new ClientConfig("a", "not-hex", List.of("chat"), null)), List.of(), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
        String hash = Configs.sha256("same");
        assertThatThrownBy(() -> Access.from(Configs.of(List.of(
                new ClientConfig("a", hash, List.of("chat"), null),
                new ClientConfig("b", hash, List.of("chat"), null)), List.of(), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same key");
    }

    static void assertUnauthenticated(AccessControl.Authentication result) {
        assertThat(result).isInstanceOf(Rejected.class);
        Refusal refusal = ((Rejected) result).refusal();
        assertThat(refusal.status()).isEqualTo(401);
        assertThat(refusal.type()).isEqualTo("authentication_error");
        assertThat(refusal.message()).isEqualTo("invalid or missing API key");
        assertThat(refusal.headers().get("WWW-Authenticate")).startsWith("Bearer");
    }
}
