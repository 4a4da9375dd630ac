package dev.bulwark.probe.llm;

import java.util.Objects;

/**
 * What the judge of a goal-hijack attempt needs: the exact text sent (to take echoes out of the reply) and the
 * one-time code the attack told the model to output.
 */
record Goal(String prompt, String canary) {
    Goal {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(canary, "canary");
    }
}
