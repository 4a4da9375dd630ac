package dev.bulwark.detect.injection;

import java.util.Optional;

/**
 * A rule that matched, and where: in the text itself or in a decoded segment (then {@code source} names the
 * encoding, which is part of the reason: an attacker encoded it).
 */
public record RuleHit(InjectionRule rule, Optional<Obfuscation> source) {
    public String reason() {
        return rule.id() + source.map(s -> " (in " + s.reason() + ")").orElse("");
    }
}
