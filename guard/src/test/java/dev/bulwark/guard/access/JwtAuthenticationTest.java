package dev.bulwark.guard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.bulwark.guard.config.ClientConfig;
import dev.bulwark.guard.config.JwtConfig;
import dev.bulwark.guard.config.Limits;
import dev.bulwark.guard.pipeline.AccessControl;
import dev.bulwark.guard.pipeline.AccessControl.Authenticated;
import dev.bulwark.guard.pipeline.AccessControl.Rejected;
import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.Refusal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtAuthenticationTest {
    static final String ISSUER = "https://idp.example.test/";
    static final String AUDIENCE = "bulwark-gateway";
    static final Limits PARTNER_LIMITS = new Limits(5, null, null, null, null);

    @TempDir
    static Path dir;
    static RSAKey rsa;
    static ECKey ec;
    static OctetKeyPair ed;
    static AccessControl access;

    @BeforeAll
    static void setUp() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        ed = new OctetKeyPairGenerator(Curve.Ed25519).keyID("ed-1").generate();
        Path jwks = dir.resolve("jwks.json");
        // the file holds private keys too: only their public halves may be kept
        Files.writeString(jwks, new JWKSet(List.<JWK>of(rsa, ec, ed)).toString(false), StandardCharsets.UTF_8);
        access = Access.from(Configs.of(
                List.of(new ClientConfig("partner-portal", null, List.of("chat"), PARTNER_LIMITS)), List.of(),
                jwtConfig(jwks, null)));
    }

    @AfterAll
    static void tearDown() throws Exception {
        ((AutoCloseable) access).close();
    }

    static JwtConfig jwtConfig(Path file, java.net.URI url) {
        return new JwtConfig(url, file, ISSUER, List.of(AUDIENCE), "sub", "roles", Duration.ofSeconds(30),
                Duration.ofMinutes(5));
    }

    static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("partner-portal")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("roles", List.of("chat", "embed"));
    }

    static String sign(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    static String rsaToken(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, "rsa-1", change.apply(claims()).build());
    }

    static AccessControl.Authentication present(String token) {
        return access.authenticate(Configs.head(Map.of("authorization", "Bearer " + token)));
    }

    static Caller caller(AccessControl.Authentication result) {
        assertThat(result).isInstanceOf(Authenticated.class);
        return ((Authenticated) result).caller();
    }

    static void assertInvalidToken(AccessControl.Authentication result) {
        assertThat(result).isInstanceOf(Rejected.class);
        Refusal refusal = ((Rejected) result).refusal();
        assertThat(refusal.status()).isEqualTo(401);
        assertThat(refusal.type()).isEqualTo("authentication_error");
        assertThat(refusal.message()).isEqualTo("invalid token");
        assertThat(refusal.headers().get("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void an_rs256_token_names_the_client_its_roles_and_the_clients_limits() throws Exception {
        Caller caller = caller(present(rsaToken(b -> b)));

        assertThat(caller.clientId()).isEqualTo("partner-portal");
        assertThat(caller.roles()).containsExactlyInAnyOrder("chat", "embed");
        assertThat(caller.via()).isEqualTo("jwt");
        assertThat(caller.limits()).isEqualTo(PARTNER_LIMITS);
    }

    @Test
    void es256_and_eddsa_tokens_verify_too() throws Exception {
        String es = sign(new ECDSASigner(ec), JWSAlgorithm.ES256, "ec-1", claims().build());
        String eddsa = sign(new Ed25519Signer(ed), JWSAlgorithm.EdDSA, "ed-1", claims().build());

        assertThat(caller(present(es)).clientId()).isEqualTo("partner-portal");
        assertThat(caller(present(eddsa)).clientId()).isEqualTo("partner-portal");
    }

    @Test
    void an_unknown_subject_gets_the_default_limits_and_only_the_tokens_roles() throws Exception {
        Caller caller = caller(present(rsaToken(b -> b.subject("someone-else").claim("roles", "chat admin"))));

        assertThat(caller.limits()).isEqualTo(Configs.DEFAULTS);
        assertThat(caller.roles()).containsExactlyInAnyOrder("chat", "admin");
    }

    @Test
    void a_token_without_roles_gets_its_configured_clients_roles() throws Exception {
        assertThat(caller(present(rsaToken(b -> b.claim("roles", null)))).roles()).containsExactly("chat");
        assertThat(caller(present(rsaToken(b -> b.subject("stranger").claim("roles", null)))).roles()).isEmpty();
    }

    @Test
    void expired_and_not_yet_valid_tokens_are_refused_beyond_the_clock_skew() throws Exception {
        Instant now = Instant.now();
        assertInvalidToken(present(rsaToken(b -> b.expirationTime(Date.from(now.minusSeconds(120))))));
        assertInvalidToken(present(rsaToken(b -> b.notBeforeTime(Date.from(now.plusSeconds(120))))));
        // within the 30 s skew both still pass
        caller(present(rsaToken(b -> b.expirationTime(Date.from(now.minusSeconds(5))))));
        caller(present(rsaToken(b -> b.notBeforeTime(Date.from(now.plusSeconds(5))))));
    }

    @Test
    void a_token_without_expiry_is_refused() throws Exception {
        assertInvalidToken(present(rsaToken(b -> b.expirationTime(null))));
    }

    @Test
    void wrong_issuer_or_audience_is_refused() throws Exception {
        assertInvalidToken(present(rsaToken(b -> b.issuer("https://evil.example.test/"))));
        assertInvalidToken(present(rsaToken(b -> b.audience("another-api"))));
        assertInvalidToken(present(rsaToken(b -> b.audience((String) null))));
    }

    @Test
    void a_token_signed_by_another_key_under_a_known_kid_is_refused() throws Exception {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        assertInvalidToken(present(sign(new RSASSASigner(impostor), JWSAlgorithm.RS256, "rsa-1", claims().build())));
    }

    @Test
    void a_tampered_payload_is_refused() throws Exception {
        String[] parts = rsaToken(b -> b).split("\\.");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims().subject("admin").build().toString().getBytes(StandardCharsets.UTF_8));
        assertInvalidToken(present(parts[0] + "." + forged + "." + parts[2]));
    }

    @Test
    void alg_none_is_refused() {
        String unsigned = new PlainJWT(claims().build()).serialize(); // "header.payload." — add a fake signature too
        assertInvalidToken(present(unsigned + "x"));
        assertThat(present(unsigned)).isInstanceOf(Rejected.class);
    }

    @Test
    void hmac_with_the_public_key_as_secret_is_refused() throws Exception {
        byte[] secret = rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        assertInvalidToken(present(sign(new MACSigner(secret), JWSAlgorithm.HS256, "rsa-1", claims().build())));
    }

    @Test
    void a_token_without_the_client_claim_is_refused() throws Exception {
        assertInvalidToken(present(rsaToken(b -> b.subject(null))));
    }

    @Test
    void a_relative_jwks_file_is_found_next_to_the_config() throws Exception {
        AccessControl relative = Access.from(Configs.of(dir.resolve("guard.yaml"), List.of(), List.of(),
                jwtConfig(Path.of("jwks.json"), null)));
        try {
            assertThat(relative.authenticate(Configs.head(Map.of("authorization", "Bearer " + rsaToken(b -> b)))))
                    .isInstanceOf(Authenticated.class);
        } finally {
            ((AutoCloseable) relative).close();
        }
    }

    @Test
    void an_unreadable_jwks_file_stops_the_start() {
        assertThatThrownBy(() -> Access.from(Configs.of(List.of(), List.of(),
                jwtConfig(dir.resolve("missing.json"), null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jwksFile");
    }
}
