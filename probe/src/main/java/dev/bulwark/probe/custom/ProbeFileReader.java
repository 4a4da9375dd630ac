package dev.bulwark.probe.custom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.Confidence;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.scope.LocatedYaml;
import dev.bulwark.core.scope.ScopeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads and checks one custom probe file. Every problem names the file, the line and the field
 * ({@code probes/refund.yaml:7: prompts[1]: uses {{order}}, which vars does not define}); several are reported
 * at once. Nothing in the file is executed: prompts are text, the pattern is compiled with bounded input and steps.
 */
final class ProbeFileReader {
    static final int MAX_PROMPTS = 60;
    static final int MAX_PROMPT_CHARS = 16_000;
    static final Set<String> FIELDS = Set.of("id", "title", "weakness", "tier", "detector", "pattern", "hitWhen",
            "confidence", "vars", "prompts", "description");
    private static final Pattern ID = Pattern.compile("custom\\.[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern VAR_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]{0,63})\\s*}}");
    static final String CANARY = "canary";

    private final LocatedYaml yaml;

    private ProbeFileReader(LocatedYaml yaml) {
        this.yaml = yaml;
    }

    static ProbeSpec read(Path file, String text) throws ScopeException {
        LocatedYaml yaml = LocatedYaml.parse(file, text);
        return new ProbeFileReader(yaml).spec();
    }

    private ProbeSpec spec() throws ScopeException {
        JsonNode root = yaml.root();
        root.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) yaml.problem(f, "unknown field '" + f + "' (allowed: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
        });
        String id = text(root, "id", true);
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            yaml.problem("id", "must be custom.<name> with lowercase letters, digits and '-', e.g. custom.refund-override");
        }
        String title = text(root, "title", true);
        WeaknessClass weakness = weakness(text(root, "weakness", true));
        CheckDescriptor.Tier tier = tier(text(root, "tier", false));
        Detector detector = detector(text(root, "detector", true));
        BoundedRegex regex = regex(detector, root.get("pattern"));
        boolean hitWhenDetected = hitWhen(text(root, "hitWhen", false));
        Confidence confidence = confidence(text(root, "confidence", false), detector);
        Map<String, String> vars = vars(root.get("vars"));
        List<ProbeSpec.Prompt> prompts = prompts(root.get("prompts"), vars.keySet(), detector);
        String description = text(root, "description", false);
        yaml.throwIfAny();
        String summary = description.isEmpty() ? "Custom probe from " + yaml.file().getFileName() : description;
        CheckDescriptor descriptor = new CheckDescriptor(id, title, weakness, tier,
                prompts.size() + " prompt" + (prompts.size() == 1 ? "" : "s") + " from " + yaml.file().getFileName()
                        + ", judged by the " + detector.id() + " detector", summary);
        return new ProbeSpec(yaml.file(), descriptor, prompts, vars, detector, regex, hitWhenDetected, confidence);
    }

    private String text(JsonNode root, String field, boolean required) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            if (required) yaml.problem(field, "missing required field");
            return "";
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            yaml.problem(field, "expected a non-empty string");
            return "";
        }
        if (v.asText().length() > 2_000) yaml.problem(field, "longer than 2000 characters");
        return v.asText().strip();
    }

    private WeaknessClass weakness(String text) {
        if (text.isEmpty()) return WeaknessClass.DIRECT_PROMPT_INJECTION;
        return Arrays.stream(WeaknessClass.values()).filter(w -> w.id().equals(text)).findFirst().orElseGet(() -> {
            yaml.problem("weakness", "unknown weakness class '" + text + "'; expected one of: "
                    + String.join(", ", Arrays.stream(WeaknessClass.values()).map(WeaknessClass::id).toList()));
            return WeaknessClass.DIRECT_PROMPT_INJECTION;
        });
    }

    private CheckDescriptor.Tier tier(String text) {
        return switch (text) {
            case "", "core" -> CheckDescriptor.Tier.CORE;
            case "extended" -> CheckDescriptor.Tier.EXTENDED;
            default -> {
                yaml.problem("tier", "unknown tier '" + text + "'; expected core or extended");
                yield CheckDescriptor.Tier.CORE;
            }
        };
    }

    private Detector detector(String text) {
        if (text.isEmpty()) return Detector.CANARY;
        return Detector.parse(text).orElseGet(() -> {
            yaml.problem("detector", "unknown detector '" + text + "'; expected one of: " + Detector.known());
            return Detector.CANARY;
        });
    }

    private BoundedRegex regex(Detector detector, JsonNode node) {
        boolean given = node != null && !node.isNull();
        if (detector != Detector.REGEX) {
            if (given) yaml.problem("pattern", "only the regex detector uses a pattern");
            return null;
        }
        if (!given || !node.isTextual() || node.asText().isEmpty()) {
            yaml.problem("pattern", "the regex detector needs a pattern (a Java regular expression)");
            return null;
        }
        String p = node.asText();
        if (p.length() > BoundedRegex.MAX_PATTERN) {
            yaml.problem("pattern", "longer than " + BoundedRegex.MAX_PATTERN + " characters");
            return null;
        }
        try {
            return new BoundedRegex(Pattern.compile(p));
        } catch (PatternSyntaxException e) {
            yaml.problem("pattern", "not a valid regular expression: " + e.getDescription() + " at index " + e.getIndex());
            return null;
        }
    }

    private boolean hitWhen(String text) {
        return switch (text) {
            case "", "detected" -> true;
            case "not-detected" -> false;
            default -> {
                yaml.problem("hitWhen", "expected detected (a detection is the weakness) or not-detected");
                yield true;
            }
        };
    }

    private Confidence confidence(String text, Detector detector) {
        if (text.isEmpty()) return detector.confidence;
        try {
            return Confidence.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            yaml.problem("confidence", "expected confirmed, firm or tentative");
            return detector.confidence;
        }
    }

    private Map<String, String> vars(JsonNode node) {
        Map<String, String> vars = new LinkedHashMap<>();
        if (node == null || node.isNull()) return vars;
        if (!node.isObject()) {
            yaml.problem("vars", "expected a mapping of name: value");
            return vars;
        }
        node.properties().forEach(e -> {
            String path = LocatedYaml.child("vars", e.getKey());
            if (!VAR_NAME.matcher(e.getKey()).matches()) yaml.problem(path, "not a variable name (letters, digits, _)");
            else if (e.getKey().equals(CANARY)) yaml.problem(path, "'canary' is filled in by Bulwark for every attempt");
            else if (!e.getValue().isValueNode()) yaml.problem(path, "expected a plain value");
            else vars.put(e.getKey(), e.getValue().asText());
        });
        return vars;
    }

    private List<ProbeSpec.Prompt> prompts(JsonNode node, Set<String> vars, Detector detector) {
        List<ProbeSpec.Prompt> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            yaml.problem("prompts", "missing required field: a list of prompt templates");
            return out;
        }
        if (!node.isArray() || node.isEmpty()) {
            yaml.problem("prompts", "expected a non-empty list of prompt templates");
            return out;
        }
        if (node.size() > MAX_PROMPTS) yaml.problem("prompts", "more than " + MAX_PROMPTS + " prompts; split the file");
        for (int i = 0; i < node.size() && i < MAX_PROMPTS; i++) {
            String path = LocatedYaml.index("prompts", i);
            JsonNode p = node.get(i);
            String label = "prompt-" + (i + 1);
            String template;
            if (p.isTextual()) {
                template = p.asText();
            } else if (p.isObject() && p.path("text").isTextual()) {
                template = p.get("text").asText();
                if (p.path("label").isTextual()) label = p.get("label").asText();
                p.fieldNames().forEachRemaining(f -> {
                    if (!f.equals("text") && !f.equals("label")) {
                        yaml.problem(LocatedYaml.child(path, f), "unknown field '" + f + "' (allowed: label, text)");
                    }
                });
            } else {
                yaml.problem(path, "expected a string or {label, text}");
                continue;
            }
            if (template.isBlank() || template.length() > MAX_PROMPT_CHARS) {
                yaml.problem(path, "a prompt is 1 to " + MAX_PROMPT_CHARS + " characters");
                continue;
            }
            Matcher m = REFERENCE.matcher(template);
            boolean canary = false;
            while (m.find()) {
                String name = m.group(1);
                if (name.equals(CANARY)) canary = true;
                else if (!vars.contains(name)) yaml.problem(path, "uses {{" + name + "}}, which vars does not define");
            }
            if (detector == Detector.CANARY && !canary) {
                yaml.problem(path, "the canary detector needs {{canary}} in every prompt (the token the reply must echo)");
            }
            out.add(new ProbeSpec.Prompt(label, template));
        }
        return out;
    }
}
