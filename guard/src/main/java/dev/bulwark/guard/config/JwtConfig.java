package dev.bulwark.guard.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Bearer JWTs verified against a JWKS (a file, or a URL fetched and cached). Null in {@link GuardConfig} when JWTs
 * are not accepted.
 *
 * @param clientClaim the claim naming the client (default {@code sub}); matched against {@link ClientConfig#id} for
 *                    its limits, else the defaults apply
 * @param rolesClaim  the claim holding a list of roles (default {@code roles})
 */
public record JwtConfig(URI jwksUrl, Path jwksFile, String issuer, List<String> audiences, String clientClaim,
                        String rolesClaim, Duration clockSkew, Duration jwksRefresh) {
    public JwtConfig {
        audiences = List.copyOf(audiences);
    }
}
