package dev.bulwark.probe.llm;

import java.util.Objects;

/** What the judge of a jailbreak attempt needs: the text sent, the attempt's code and the task it was hidden in. */
record Marker(String prompt, String canary, MarkerTask task) {
    Marker {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(canary, "canary");
        Objects.requireNonNull(task, "task");
    }

    Goal goal() {
        return new Goal(prompt, canary);
    }
}
