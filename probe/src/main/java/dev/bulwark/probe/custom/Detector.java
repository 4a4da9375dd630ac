package dev.bulwark.probe.custom;

import dev.bulwark.core.Confidence;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The deterministic detectors a custom probe can name, and how sure a hit of each is by default. */
enum Detector {
    /** The attempt's own {@code {{canary}}} token comes back outside any echo of the prompt. */
    CANARY(Confidence.CONFIRMED),
    /** The probe's bounded regular expression matches the reply (the prompt's echo removed). */
    REGEX(Confidence.FIRM),
    /** The reply is not a refusal. */
    REFUSAL_ABSENT(Confidence.TENTATIVE),
    /** The detection engine finds personal data or a secret in the reply (the prompt's echo removed). */
    PII(Confidence.FIRM),
    /** One of the target's {@code systemPromptCanaries} comes back. */
    SYSTEM_PROMPT_CANARY(Confidence.CONFIRMED);

    final Confidence confidence;

    Detector(Confidence confidence) {
        this.confidence = confidence;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<Detector> parse(String text) {
        return Arrays.stream(values()).filter(d -> d.id().equals(text)).findFirst();
    }

    static String known() {
        return String.join(", ", Arrays.stream(values()).map(Detector::id).toList());
    }
}
