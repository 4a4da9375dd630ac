package dev.bulwark.correlate;

import static dev.bulwark.core.WeaknessClass.CODE_EXECUTION_ON_MODEL_LOAD;
import static dev.bulwark.core.WeaknessClass.DIRECT_PROMPT_INJECTION;
import static dev.bulwark.core.WeaknessClass.EXCESSIVE_AGENCY;
import static dev.bulwark.core.WeaknessClass.IMPROPER_OUTPUT_HANDLING;
import static dev.bulwark.core.WeaknessClass.INDIRECT_PROMPT_INJECTION;
import static dev.bulwark.core.WeaknessClass.JAILBREAK;
import static dev.bulwark.core.WeaknessClass.MISSING_AUTHENTICATION;
import static dev.bulwark.core.WeaknessClass.MODEL_EXTRACTION_EXPOSURE;
import static dev.bulwark.core.WeaknessClass.PERMISSIVE_CORS;
import static dev.bulwark.core.WeaknessClass.PII_IN_TRAINING_DATA;
import static dev.bulwark.core.WeaknessClass.POISONING_INDICATORS;
import static dev.bulwark.core.WeaknessClass.SECRETS_EXPOSED;
import static dev.bulwark.core.WeaknessClass.SENSITIVE_DATA_IN_OUTPUT;
import static dev.bulwark.core.WeaknessClass.SYSTEM_PROMPT_LEAKAGE;
import static dev.bulwark.core.WeaknessClass.UNBOUNDED_CONSUMPTION;
import static dev.bulwark.core.WeaknessClass.UNTRUSTWORTHY_COMPONENT;
import static dev.bulwark.core.WeaknessClass.VULNERABLE_DEPENDENCY;
import static dev.bulwark.correlate.Requirement.allOf;
import static dev.bulwark.correlate.Requirement.anyOf;
import static dev.bulwark.correlate.Requirement.either;
import static dev.bulwark.correlate.Requirement.on;

import dev.bulwark.core.Classification;
import dev.bulwark.core.scope.Asset.AssetKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The scenario rules, in one ordered list (the order breaks ties between scenarios of equal risk). */
final class ScenarioTemplates {
    private static final Requirement.TargetFilter SENSITIVE_ASSETS =
            (f, scope) -> scope.touches(f, EnumSet.of(Classification.CONFIDENTIAL, Classification.RESTRICTED));
    private static final Requirement.TargetFilter MODEL_API = (f, scope) -> scope.touchesKind(f, AssetKind.MODEL_API);
    private static final Requirement INJECTION = anyOf(DIRECT_PROMPT_INJECTION, INDIRECT_PROMPT_INJECTION, JAILBREAK);
    /** The dependency scanner's finding for an AI library whose model loader runs code from crafted files. */
    private static final Requirement.TargetFilter UNSAFE_LOADER = (f, scope) -> f.check().equals("deps.unsafe-loader");

    static final List<ScenarioTemplate> ALL = List.of(
            new ScenarioTemplate("customer-data-exfiltration", "Customer data exfiltration through the assistant",
                    "An attacker talks the assistant on {targets} out of its instructions and has it reveal {assets}:"
                            + " confidential data"
                            + " leaves the business one chat reply at a time.",
                    Motive.DATA_THEFT,
                    on(SENSITIVE_ASSETS, allOf(INJECTION, anyOf(SENSITIVE_DATA_IN_OUTPUT, SYSTEM_PROMPT_LEAKAGE))),
                    Set.of(MISSING_AUTHENTICATION)),
            new ScenarioTemplate("training-data-extraction", "Customer data extracted from what the model learned",
                    "Personal data sits in the data {targets} learn or retrieve from, and the model already repeats"
                            + " what it should keep to itself: an attacker asks the right questions and gets customers'"
                            + " details from {assets} back, without ever touching the database.",
                    Motive.DATA_THEFT,
                    allOf(anyOf(PII_IN_TRAINING_DATA), anyOf(SENSITIVE_DATA_IN_OUTPUT, MODEL_EXTRACTION_EXPOSURE)),
                    Set.of(DIRECT_PROMPT_INJECTION, INDIRECT_PROMPT_INJECTION, JAILBREAK, MISSING_AUTHENTICATION)),
            new ScenarioTemplate("system-prompt-theft", "System prompt and secret theft",
                    "An attacker extracts the hidden instructions of {targets}, learning internal rules and any"
                            + " credentials or business details written into them.",
                    Motive.SECRET_THEFT,
                    anyOf(SYSTEM_PROMPT_LEAKAGE),
                    Set.of(DIRECT_PROMPT_INJECTION, INDIRECT_PROMPT_INJECTION, JAILBREAK, MISSING_AUTHENTICATION,
                            SECRETS_EXPOSED)),
            new ScenarioTemplate("unauthorized-actions", "Unauthorized actions through the assistant's tools",
                    "An attacker injects instructions into the assistant on {targets} and has it call tools on the"
                            + " attacker's behalf: changing"
                            + " records, sending messages or spending money without anyone approving it.",
                    Motive.FRAUD,
                    allOf(INJECTION, anyOf(EXCESSIVE_AGENCY)),
                    Set.of(MISSING_AUTHENTICATION)),
            new ScenarioTemplate("browser-attack-via-output", "Attack on staff and customer browsers through assistant output",
                    "An attacker makes the assistant on {targets} emit markup that runs in the browser of whoever"
                            + " reads the reply,"
                            + " stealing sessions or leaking {assets} through crafted links and images.",
                    Motive.DATA_THEFT,
                    anyOf(IMPROPER_OUTPUT_HANDLING),
                    Set.of(DIRECT_PROMPT_INJECTION, INDIRECT_PROMPT_INJECTION, JAILBREAK, PERMISSIVE_CORS)),
            new ScenarioTemplate("denial-of-wallet", "Denial of wallet",
                    "Anyone can flood {targets} with requests or oversized prompts, running up the AI bill and slowing"
                            + " the service for real customers.",
                    Motive.DISRUPTION,
                    anyOf(UNBOUNDED_CONSUMPTION),
                    Set.of(MISSING_AUTHENTICATION)),
            new ScenarioTemplate("model-extraction", "Model extraction",
                    "A competitor queries the model on {targets} systematically and trains a copy of it from the"
                            + " answers,"
                            + " taking the investment behind {assets}.",
                    Motive.MODEL_THEFT,
                    either(anyOf(MODEL_EXTRACTION_EXPOSURE),
                            on(MODEL_API, allOf(anyOf(UNBOUNDED_CONSUMPTION), anyOf(MISSING_AUTHENTICATION)))),
                    Set.of(MISSING_AUTHENTICATION, UNBOUNDED_CONSUMPTION)),
            new ScenarioTemplate("model-load-code-execution", "Code execution when a model is loaded",
                    "A crafted model file among {assets} runs the attacker's code the moment the software on"
                            + " {targets} loads it, with a loader version that does not stop it.",
                    Motive.SYSTEM_COMPROMISE,
                    allOf(anyOf(CODE_EXECUTION_ON_MODEL_LOAD), on(UNSAFE_LOADER, anyOf(VULNERABLE_DEPENDENCY))),
                    Set.of(UNTRUSTWORTHY_COMPONENT, SECRETS_EXPOSED)),
            new ScenarioTemplate("training-data-poisoning", "Poisoned training data",
                    "Rows in {assets} carry contradicting labels or a token that always comes with one label: a model"
                            + " trained on them learns a backdoor or a wrong rule an attacker can trigger on {targets}.",
                    Motive.SYSTEM_COMPROMISE,
                    anyOf(POISONING_INDICATORS),
                    Set.of(UNTRUSTWORTHY_COMPONENT)),
            new ScenarioTemplate("supply-chain-compromise", "Supply-chain compromise",
                    "A poisoned model file or a vulnerable or look-alike package runs the attacker's code inside the"
                            + " systems that build or serve {targets}.",
                    Motive.SYSTEM_COMPROMISE,
                    anyOf(CODE_EXECUTION_ON_MODEL_LOAD, VULNERABLE_DEPENDENCY, UNTRUSTWORTHY_COMPONENT),
                    Set.of(SECRETS_EXPOSED)));

    private ScenarioTemplates() {
    }
}
