package dev.bulwark.core.engine;

import dev.bulwark.core.CheckDescriptor;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which checks a run includes ({@code --pack}). {@code standard} is every {@link CheckDescriptor.Tier#CORE} check
 * (the default, kept under 1,500 requests for two targets); {@code thorough} adds the
 * {@link CheckDescriptor.Tier#EXTENDED} ones; {@code quick} is one smoke test per family — the core checks listed
 * in {@link #QUICK_CHECKS}, a few requests each — for a first look or a CI gate.
 */
public enum Pack {
    QUICK, STANDARD, THOROUGH;

    /**
     * The quick pack: the first check of each family (injection, prompt leak, and the API hygiene checks). Kept as
     * ids rather than a tier so adding a check never silently makes the quick pack slower.
     */
    public static final Set<String> QUICK_CHECKS = Set.of("llm.prompt-injection", "llm.system-prompt-leak",
            "api.missing-auth", "api.cors", "api.verbose-errors", "api.cleartext", "api.rate-limit");

    public boolean includes(CheckDescriptor d) {
        return switch (this) {
            case QUICK -> d.tier() == CheckDescriptor.Tier.CORE && QUICK_CHECKS.contains(d.id());
            case STANDARD -> d.tier() == CheckDescriptor.Tier.CORE;
            case THOROUGH -> true;
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code quick}, {@code standard} or {@code thorough}, any case. */
    public static Pack parse(String text) {
        for (Pack p : values()) if (p.id().equalsIgnoreCase(text == null ? "" : text.strip())) return p;
        throw new IllegalArgumentException("unknown pack '" + text + "' (known: "
                + Arrays.stream(values()).map(Pack::id).collect(Collectors.joining(", ")) + ")");
    }
}
