package dev.bulwark.probe.custom;

import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.Confidence;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One custom probe as its YAML file defines it: the descriptor, the prompt templates (with {@code {{canary}}} and
 * the file's own variables), the detector and whether a detection is the hit ({@code hitWhen: detected}) or its
 * absence is ({@code not-detected}).
 */
record ProbeSpec(Path file, CheckDescriptor descriptor, List<Prompt> prompts, Map<String, String> vars,
                 Detector detector, BoundedRegex regex, boolean hitWhenDetected, Confidence confidence) {
    ProbeSpec {
        prompts = List.copyOf(prompts);
        vars = Map.copyOf(vars);
    }

    /** One prompt template and its label (shown in evidence). */
    record Prompt(String label, String template) {
    }
}
