package dev.bulwark.detect.secret;

import dev.bulwark.detect.Checksums;
import dev.bulwark.detect.ContextWords;
import dev.bulwark.detect.EntityType;
import dev.bulwark.detect.PatternRecognizer;
import dev.bulwark.detect.Settling;
import java.util.List;
import java.util.stream.Stream;
import java.util.regex.Pattern;

/**
 * Credentials whose provider gives them a recognisable shape: a fixed prefix and a length or alphabet. Each
 * pattern only runs when its prefix occurs in the text, so prose without tokens costs one substring search each.
 */
final class ProviderTokens {
    private static final String NOT_BEFORE = "(?<![A-Za-z0-9_-])";
    private static final String NOT_AFTER = "(?![A-Za-z0-9_-])";

    private ProviderTokens() {
    }

    /** Each value is one token, decided by its own characters (and, for AWS secrets, words before it). */
    static List<PatternRecognizer> recognizers() {
        return Stream.of(
                fixed(EntityType.AWS_ACCESS_KEY, "(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)"
                        + "[A-Z0-9]{16}(?![A-Za-z0-9])", 20, 0.95, "akia", "asia", "abia", "acca", "agpa", "aida", "aroa",
                        "aipa", "anpa", "anva", "apka"),
                awsSecretKey(),
                fixed(EntityType.GITHUB_TOKEN, NOT_BEFORE + "(?:gh[pousr]_[A-Za-z0-9]{36,251}+|github_pat_[A-Za-z0-9_]{22,244}+)"
                        + NOT_AFTER, 255, 0.97, "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
                fixed(EntityType.GITLAB_TOKEN, NOT_BEFORE + "gl(?:pat|dt|rt|ptt|ft|soat)-[A-Za-z0-9_.-]{20,250}+", 260, 0.97,
                        "glpat-", "gldt-", "glrt-", "glptt-", "glft-", "glsoat-"),
                fixed(EntityType.SLACK_TOKEN, "(?<![A-Za-z0-9-])xox[abposre]-(?:[0-9A-Za-z]{1,64}+-){1,5}+[0-9A-Za-z]{6,64}+"
                        + "(?![A-Za-z0-9-])", 400, 0.95, "xox"),
                fixed(EntityType.SLACK_WEBHOOK, "https://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/]{20,200}+",
                        260, 0.97, "hooks.slack.com/"),
                stripe(),
                fixed(EntityType.GOOGLE_API_KEY, NOT_BEFORE + "AIza[0-9A-Za-z_-]{35}" + NOT_AFTER, 39, 0.95, "aiza"),
                fixed(EntityType.ANTHROPIC_KEY, NOT_BEFORE + "sk-ant-[A-Za-z0-9_-]{20,300}+", 310, 0.98, "sk-ant-"),
                openAi()).map(r -> r.settledBy(Settling::valueRun)).toList();
    }

    private static PatternRecognizer fixed(EntityType type, String regex, int maxLength, double score,
                                           String... triggers) {
        return PatternRecognizer.of(type, Pattern.compile(regex), 0, List.of(triggers), maxLength,
                (text, m, s, e) -> score);
    }

    /** Publishable keys are public by design; test keys reach no money; live secret and restricted keys do. */
    private static PatternRecognizer stripe() {
        Pattern p = Pattern.compile(NOT_BEFORE + "([srp])k_(live|test)_[A-Za-z0-9]{10,247}+" + NOT_AFTER);
        return PatternRecognizer.of(EntityType.STRIPE_KEY, p, 0, List.of("k_live_", "k_test_"), 256, (text, m, s, e) -> {
            if (m.group(1).equals("p")) return 0.6;
            return m.group(2).equals("live") ? 0.97 : 0.85;
        });
    }

    /** Project, service-account and admin keys have a marker; a bare {@code sk-} needs a random-looking body. */
    private static PatternRecognizer openAi() {
        Pattern p = Pattern.compile(NOT_BEFORE + "sk-(?!ant-)((?:proj|svcacct|admin|None)-)?+([A-Za-z0-9_-]{20,300}+)"
                + NOT_AFTER);
        return PatternRecognizer.of(EntityType.OPENAI_KEY, p, 0, List.of("sk-"), 320, (text, m, s, e) -> {
            String body = m.group(2);
            if (m.group(1) != null || body.contains("T3BlbkFJ")) return 0.95;
            boolean mixed = body.chars().anyMatch(Character::isDigit) && body.chars().anyMatch(Character::isLetter);
            return mixed && Checksums.entropy(body) >= 3.5 ? 0.85 : -1;
        });
    }

    /** 40 base64 characters are everywhere (hashes, ids); only with AWS or secret context nearby are they a key. */
    private static PatternRecognizer awsSecretKey() {
        Pattern p = Pattern.compile("(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");
        ContextWords context = ContextWords.before(60, 0.0, "aws", "secret", "secret_access_key", "aws_secret_access_key",
                "secretaccesskey", "secret access key");
        return PatternRecognizer.of(EntityType.AWS_SECRET_KEY, p, 0, List.of("aws", "secret"), 40 + 60, (text, m, s, e) -> {
            String v = m.group();
            boolean upper = v.chars().anyMatch(Character::isUpperCase);
            boolean lower = v.chars().anyMatch(Character::isLowerCase);
            boolean digit = v.chars().anyMatch(Character::isDigit);
            if (!(upper && lower && digit) || Checksums.entropy(v) < 4.0) return -1;
            return context.present(text, s, e) ? 0.9 : -1;
        });
    }
}
