package dev.bulwark.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityEngine;
import dev.bulwark.detect.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretRecognizersTest {
    private final EntityEngine engine = EntityEngine.standard();

    /** Test tokens are assembled at run time so no secret-shaped literal sits in the source tree. */
    private static String t(String prefix, String body) {
        return prefix + body;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "AWS_ACCESS_KEY|AKIA|IOSFODNN7EXAMPLE|key=",
            "GITHUB_TOKEN|ghp_|aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789|token ",
            "GITHUB_TOKEN|github_pat_|11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz|pat ",
            "GITLAB_TOKEN|glpat-|xYz12AbC34dEf56GhI78|use ",
            "SLACK_TOKEN|xoxb-|123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx|bot ",
            "SLACK_WEBHOOK|https://hooks.slack.com/services/|T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX|post to ",
            "STRIPE_KEY|sk_live_|4eC39HqLyjWDarjtT1zdp7dc|stripe ",
            "STRIPE_KEY|rk_test_|4eC39HqLyjWDarjtT1zdp7dc|stripe ",
            "GOOGLE_API_KEY|AIza|SyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY|key ",
            "OPENAI_KEY|sk-proj-|4f9Xk2LmQ8rT1vB7nW3zY6cD|OPENAI_API_KEY=",
            "OPENAI_KEY|sk-|Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9|key ",
            "ANTHROPIC_KEY|sk-ant-|api03-Zx81kLq0Pw7Mn4Bv2Cx9Zx81kLq0Pw7Mn4Bv2Cx9|ANTHROPIC_API_KEY=",
            "JWT|eyJhbGciOiJIUzI1NiJ9.|eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U|auth ",
            "SECRET|hunter|22|password: ",
            "SECRET|Zx81kLq0|Pw7Mn4Bv2Cx9|client_secret = ",
            "SECRET|9f8e7d6c5b4a3928|1706f5e4d3c2b1a0|Authorization: Bearer ",
            "AWS_SECRET_KEY|wJalrXUtnFEMI/K7MDENG/|bPxRfiCYEXAMPLEKEY|aws_secret_access_key = ",
    })
    void recognisesProviderFormats(String type, String prefix, String body, String lead) {
        String token = t(prefix, body);
        String text = lead + token + " end";
        List<Entity> found = engine.scan(text);
        assertThat(found).as(text).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(EntityType.valueOf(type));
            assertThat(text.substring(e.start(), e.end())).isEqualTo(token);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "short GitHub prefix|token ghp_abc",
            "JWT-shaped, header not JSON with alg|x eyJub3Rqc29uIjoxfQ.eyJzdWIiOiIxIn0.c2ln",
            "low-entropy token value|token = aaaaaaaaaaaaaaaa",
            "placeholder password|password: ${DB_PASSWORD}",
            "masked password|password: ********",
            "max_tokens is not a token|max_tokens: 4096abcdefghijk",
            "40-char hash without AWS context|commit 9fceb02d0ae598e95dc970b74767f19372d61af8",
            "plain word password|password: incorrect",
            "bare sk- word|ask-me-anything-about-the-weather-today",
    })
    void leavesLookAlikesAlone(String why, String text) {
        assertThat(engine.scan(text)).as(why).isEmpty();
    }

    @Test
    void pemPrivateKeyBlockIsOneEntityAndPublicKeysAreNot() {
        String key = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n"
                + "KUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQ==\n-----END RSA PRIVATE KEY-----";
        String text = "config:\n" + key + "\nthanks";
        List<Entity> found = engine.scan(text);
        assertThat(found).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EntityType.PRIVATE_KEY);
            assertThat(text.substring(e.start(), e.end())).isEqualTo(key);
        });
        assertThat(engine.scan("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----"))
                .isEmpty();
    }

    @Test
    void truncatedPemStillHidesTheBody() {
        String text = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n";
        assertThat(engine.scan(text)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EntityType.PRIVATE_KEY);
            assertThat(e.end()).isEqualTo(text.strip().length());
        });
    }

    @Test
    void anthropicKeyIsNotReportedAsOpenAi() {
        String text = "k=" + t("sk-ant-", "api03-Zx81kLq0Pw7Mn4Bv2Cx9Zx81kLq0Pw7Mn4Bv2Cx9");
        assertThat(engine.scan(text)).extracting(Entity::type).containsExactly(EntityType.ANTHROPIC_KEY);
    }
}
