package dev.bulwark.guard.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import dev.bulwark.guard.config.JwtConfig;
import java.text.ParseException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies bearer JWTs: signature by a key from the JWKS (RS256, ES256 or EdDSA/Ed25519 only, so {@code none} and
 * HMAC algorithm confusion are refused), {@code exp} (required) and {@code nbf} with the clock skew, issuer and
 * audience when configured, and a client claim. The signature is checked with a verifier built from the JWK itself
 * (Nimbus's key-selector pipeline cannot hand Ed25519 keys through {@code java.security.Key}). Thread-safe.
 */
final class JwtVerifier implements AutoCloseable {
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.EdDSA,
            JWSAlgorithm.Ed25519);
    static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    static final int MAX_ROLES = 64;
    static final int MAX_CLAIM_LENGTH = 256;
    /** A JWKS may hold several keys under one kid (or none): only this many candidates are tried per token. */
    static final int MAX_CANDIDATE_KEYS = 4;

    private final JwksCache keys;
    private final DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier;
    private final String clientClaim;
    private final String rolesClaim;

    /** A verified token: who it names and the roles it carries (empty when it has no roles claim). */
    record Verified(String clientId, Optional<List<String>> roles) {
    }

    JwtVerifier(JwtConfig config, JwksCache keys) {
        this.keys = keys;
        this.clientClaim = orDefault(config.clientClaim(), "sub");
        this.rolesClaim = orDefault(config.rolesClaim(), "roles");
        JWTClaimsSet exact = config.issuer() == null || config.issuer().isBlank() ? null
                : new JWTClaimsSet.Builder().issuer(config.issuer()).build();
        Set<String> audiences = config.audiences().isEmpty() ? null : Set.copyOf(config.audiences());
        claimsVerifier = new DefaultJWTClaimsVerifier<>(audiences, exact, new HashSet<>(List.of("exp", clientClaim)),
                null);
        Duration skew = config.clockSkew() == null ? DEFAULT_CLOCK_SKEW : config.clockSkew();
        claimsVerifier.setMaxClockSkew((int) Math.min(Integer.MAX_VALUE, skew.toSeconds()));
    }

    static JwtVerifier start(JwtConfig config, Duration minOnDemandReload) {
        return new JwtVerifier(config, JwksCache.start(config, minOnDemandReload));
    }

    Optional<Verified> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!ALGORITHMS.contains(header.getAlgorithm())) return Optional.empty();
            DefaultJOSEObjectTypeVerifier.JWT.verify(header.getType(), null);
            if (!signedByKnownKey(jwt)) return Optional.empty();
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            claimsVerifier.verify(claims, null);
            String clientId = claims.getStringClaim(clientClaim);
            if (clientId == null || clientId.isBlank() || clientId.length() > MAX_CLAIM_LENGTH) return Optional.empty();
            return Optional.of(new Verified(clientId, roles(claims)));
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private boolean signedByKnownKey(SignedJWT jwt) throws JOSEException {
        List<JWK> candidates = keys.get(new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())), null);
        for (JWK key : candidates.subList(0, Math.min(candidates.size(), MAX_CANDIDATE_KEYS))) {
            Optional<JWSVerifier> verifier = verifierFor(key, jwt.getHeader().getAlgorithm());
            if (verifier.isPresent() && jwt.verify(verifier.get())) return true;
        }
        return false;
    }

    /** The key type must fit the algorithm: an RSA key never verifies an EdDSA token and so on. */
    private static Optional<JWSVerifier> verifierFor(JWK key, JWSAlgorithm alg) throws JOSEException {
        if (key instanceof RSAKey rsa && alg.equals(JWSAlgorithm.RS256)) return Optional.of(new RSASSAVerifier(rsa));
        if (key instanceof ECKey ec && alg.equals(JWSAlgorithm.ES256) && Curve.P_256.equals(ec.getCurve())) {
            return Optional.of(new ECDSAVerifier(ec));
        }
        if (key instanceof OctetKeyPair okp && (alg.equals(JWSAlgorithm.EdDSA) || alg.equals(JWSAlgorithm.Ed25519))
                && Curve.Ed25519.equals(okp.getCurve())) {
            return Optional.of(new Ed25519Verifier(okp.toPublicJWK()));
        }
        return Optional.empty();
    }

    /** A list of strings, or one space-separated string (the OAuth {@code scope} style); bounded either way. */
    private Optional<List<String>> roles(JWTClaimsSet claims) throws ParseException {
        Object raw = claims.getClaim(rolesClaim);
        if (raw == null) return Optional.empty();
        List<String> roles = raw instanceof String s ? Arrays.asList(s.strip().split("\\s+"))
                : claims.getStringListClaim(rolesClaim);
        return Optional.of(roles.stream()
                .filter(r -> r != null && !r.isBlank() && r.length() <= MAX_CLAIM_LENGTH)
                .limit(MAX_ROLES)
                .toList());
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void close() {
        keys.close();
    }
}
