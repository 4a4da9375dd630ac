package dev.bulwark.correlate;

import static dev.bulwark.core.WeaknessClass.CODE_EXECUTION_ON_MODEL_LOAD;
import static dev.bulwark.core.WeaknessClass.DIRECT_PROMPT_INJECTION;
import static dev.bulwark.core.WeaknessClass.EXCESSIVE_AGENCY;
import static dev.bulwark.core.WeaknessClass.IMPROPER_OUTPUT_HANDLING;
import static dev.bulwark.core.WeaknessClass.JAILBREAK;
import static dev.bulwark.core.WeaknessClass.MISSING_AUTHENTICATION;
import static dev.bulwark.core.WeaknessClass.MODEL_EXTRACTION_EXPOSURE;
import static dev.bulwark.core.WeaknessClass.PERMISSIVE_CORS;
import static dev.bulwark.core.WeaknessClass.PII_IN_TRAINING_DATA;
import static dev.bulwark.core.WeaknessClass.POISONING_INDICATORS;
import static dev.bulwark.core.WeaknessClass.SENSITIVE_DATA_IN_OUTPUT;
import static dev.bulwark.core.WeaknessClass.SYSTEM_PROMPT_LEAKAGE;
import static dev.bulwark.core.WeaknessClass.UNBOUNDED_CONSUMPTION;
import static dev.bulwark.core.WeaknessClass.UNTRUSTWORTHY_COMPONENT;
import static dev.bulwark.core.WeaknessClass.VERBOSE_ERRORS;
import static dev.bulwark.core.WeaknessClass.VULNERABLE_DEPENDENCY;
import static dev.bulwark.correlate.Fixtures.finding;
import static dev.bulwark.correlate.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.core.scope.Scope;
import dev.bulwark.core.scope.ThreatActor;
import dev.bulwark.kb.KnowledgeBase;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioTemplatesTest {
    private final KnowledgeBase kb = KnowledgeBase.bundled();

    private List<Scenario> scenarios(Scope scope, Finding... findings) {
        return new Correlator(kb, scope).correlate(run(findings)).scenarios();
    }

    private List<Scenario> scenarios(Finding... findings) {
        return scenarios(Fixtures.scope(), findings);
    }

    private Optional<Scenario> titled(String title, Finding... findings) {
        return scenarios(findings).stream().filter(s -> s.title().equals(title)).findFirst();
    }

    /** Each template: findings that light it up, and nearly the same findings that must not. */
    static Stream<Arguments> firesAndDoesNotFire() {
        return Stream.of(
                Arguments.of("Customer data exfiltration through the assistant",
                        List.of(finding(DIRECT_PROMPT_INJECTION, "bot"), finding(SENSITIVE_DATA_IN_OUTPUT, "bot")),
                        List.of(finding(DIRECT_PROMPT_INJECTION, "faq"), finding(SENSITIVE_DATA_IN_OUTPUT, "faq"))),
                Arguments.of("Customer data exfiltration through the assistant",
                        List.of(finding(JAILBREAK, "bot"), finding(SYSTEM_PROMPT_LEAKAGE, "bot")),
                        List.of(finding(SENSITIVE_DATA_IN_OUTPUT, "bot"), finding(MISSING_AUTHENTICATION, "bot"))),
                Arguments.of("Customer data extracted from what the model learned",
                        List.of(finding(PII_IN_TRAINING_DATA, "bare"), finding(SENSITIVE_DATA_IN_OUTPUT, "bot")),
                        List.of(finding(PII_IN_TRAINING_DATA, "bare"), finding(DIRECT_PROMPT_INJECTION, "bot"))),
                Arguments.of("Customer data extracted from what the model learned",
                        List.of(finding(PII_IN_TRAINING_DATA, "bare"), finding(MODEL_EXTRACTION_EXPOSURE, "api")),
                        List.of(finding(SENSITIVE_DATA_IN_OUTPUT, "bot"))),
                Arguments.of("Poisoned training data",
                        List.of(finding(POISONING_INDICATORS, "bare")),
                        List.of(finding(PII_IN_TRAINING_DATA, "bare"))),
                Arguments.of("System prompt and secret theft",
                        List.of(finding(SYSTEM_PROMPT_LEAKAGE, "faq")),
                        List.of(finding(DIRECT_PROMPT_INJECTION, "faq"))),
                Arguments.of("Unauthorized actions through the assistant's tools",
                        List.of(finding(DIRECT_PROMPT_INJECTION, "bot"), finding(EXCESSIVE_AGENCY, "helper")),
                        List.of(finding(EXCESSIVE_AGENCY, "helper"))),
                Arguments.of("Attack on staff and customer browsers through assistant output",
                        List.of(finding(IMPROPER_OUTPUT_HANDLING, "faq")),
                        List.of(finding(PERMISSIVE_CORS, "faq"), finding(DIRECT_PROMPT_INJECTION, "faq"))),
                Arguments.of("Denial of wallet",
                        List.of(finding(UNBOUNDED_CONSUMPTION, "faq")),
                        List.of(finding(MISSING_AUTHENTICATION, "faq"))),
                Arguments.of("Model extraction",
                        List.of(finding(MODEL_EXTRACTION_EXPOSURE, "faq")),
                        List.of(finding(UNBOUNDED_CONSUMPTION, "faq"), finding(MISSING_AUTHENTICATION, "faq"))),
                Arguments.of("Model extraction",
                        List.of(finding(UNBOUNDED_CONSUMPTION, "api"), finding(MISSING_AUTHENTICATION, "api")),
                        List.of(finding(UNBOUNDED_CONSUMPTION, "api"))),
                Arguments.of("Code execution when a model is loaded",
                        List.of(finding(CODE_EXECUTION_ON_MODEL_LOAD, "bare"),
                                finding("deps.unsafe-loader", VULNERABLE_DEPENDENCY, "api")),
                        List.of(finding(CODE_EXECUTION_ON_MODEL_LOAD, "bare"),
                                finding("deps.vulnerable", VULNERABLE_DEPENDENCY, "api"))),
                Arguments.of("Supply-chain compromise",
                        List.of(finding(CODE_EXECUTION_ON_MODEL_LOAD, "bare")),
                        List.of(finding(VERBOSE_ERRORS, "bare"))),
                Arguments.of("Supply-chain compromise",
                        List.of(finding(VULNERABLE_DEPENDENCY, "bare"), finding(UNTRUSTWORTHY_COMPONENT, "bare")),
                        List.of()));
    }

    @ParameterizedTest
    @MethodSource("firesAndDoesNotFire")
    void templateFiresOnlyWhenItsRequiredFindingsExist(String title, List<Finding> fire, List<Finding> quiet) {
        assertThat(titled(title, fire.toArray(Finding[]::new))).as("fires").isPresent();
        assertThat(titled(title, quiet.toArray(Finding[]::new))).as("stays quiet").isEmpty();
    }

    @Test
    void everyTemplateIsExercisedAbove() {
        var titles = firesAndDoesNotFire().map(a -> a.get()[0]).distinct().toList();
        assertThat(titles).containsExactlyInAnyOrderElementsOf(
                ScenarioTemplates.ALL.stream().map(ScenarioTemplate::title).toList());
    }

    @Test
    void exfiltrationJoinsFindingsAcrossTargetsAndMissingAuthOnThoseTargetsOnly() {
        Scenario s = titled("Customer data exfiltration through the assistant",
                finding(DIRECT_PROMPT_INJECTION, "bot"), finding(SENSITIVE_DATA_IN_OUTPUT, "bot2"),
                finding(MISSING_AUTHENTICATION, "bot2"), finding(MISSING_AUTHENTICATION, "faq")).orElseThrow();
        assertThat(s.targets()).containsExactlyInAnyOrder("bot", "bot2");
        assertThat(s.assets()).containsExactly("customers");
        assertThat(s.findings()).hasSize(3);
    }

    @Test
    void pathFollowsTheAtlasKillChainWhateverTheFindingOrder() {
        Scenario s = titled("Customer data exfiltration through the assistant",
                finding(SENSITIVE_DATA_IN_OUTPUT, "bot"), finding(MISSING_AUTHENTICATION, "bot"),
                finding(SYSTEM_PROMPT_LEAKAGE, "bot"), finding(DIRECT_PROMPT_INJECTION, "bot")).orElseThrow();
        // AI Model Access (T0040) → Execution (T0051.000) → Exfiltration (T0057, T0056)
        assertThat(s.path()).startsWith("AML.T0040", "AML.T0051.000").containsExactlyInAnyOrder(
                "AML.T0040", "AML.T0051.000", "AML.T0057", "AML.T0056").doesNotHaveDuplicates();
    }

    @Test
    void scenarioControlsAreTheUnionOfItsFindingsControls() {
        Scenario s = titled("Denial of wallet", finding(UNBOUNDED_CONSUMPTION, "faq"), finding(MISSING_AUTHENTICATION, "faq"))
                .orElseThrow();
        assertThat(s.controls()).containsExactlyInAnyOrder("rate-limiting", "input-filtering", "audit-logging", "authentication");
    }

    @Test
    void threatActorsAreTheScopesActorsWithAFittingMotive() {
        Scope scope = Fixtures.scope(List.of(ThreatActor.HACKTIVIST, ThreatActor.COMPETITOR, ThreatActor.CYBERCRIME),
                Fixtures.target("bot", Fixtures.CUSTOMERS), Fixtures.target("api", Fixtures.MODEL_API));
        var found = scenarios(scope, finding(DIRECT_PROMPT_INJECTION, "bot"), finding(SENSITIVE_DATA_IN_OUTPUT, "bot"),
                finding(MODEL_EXTRACTION_EXPOSURE, "api"), finding(UNBOUNDED_CONSUMPTION, "bot"));
        assertThat(actors(found, "Customer data exfiltration through the assistant")).containsExactly("cybercrime");
        assertThat(actors(found, "Model extraction")).containsExactly("competitor");
        assertThat(actors(found, "Denial of wallet")).containsExactly("hacktivist", "cybercrime");
    }

    @Test
    void aScopeWithoutActorsListsEveryActorOfTheMotive() {
        Scope scope = Fixtures.scope(List.of(), Fixtures.target("api", Fixtures.MODEL_API));
        var found = scenarios(scope, finding(MODEL_EXTRACTION_EXPOSURE, "api"));
        assertThat(actors(found, "Model extraction")).containsExactly("competitor", "nation-state");
    }

    private static List<String> actors(List<Scenario> scenarios, String title) {
        return scenarios.stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow().threatActors();
    }

    @Test
    void scenariosAreNumberedByRisk() {
        var found = scenarios(
                finding(VULNERABLE_DEPENDENCY, "faq", dev.bulwark.core.Confidence.TENTATIVE, 0, 0),      // low/low
                finding(SYSTEM_PROMPT_LEAKAGE, "bot", dev.bulwark.core.Confidence.CONFIRMED, 4, 3),      // high/high
                finding(UNBOUNDED_CONSUMPTION, "helper", dev.bulwark.core.Confidence.FIRM, 1, 1));        // medium/medium
        assertThat(found).extracting(Scenario::id).containsExactly("S-1", "S-2", "S-3");
        assertThat(found).extracting(Scenario::risk).containsExactly(Risk.IMMEDIATE, Risk.PLAN, Risk.DOCUMENT);
        assertThat(found).extracting(Scenario::title)
                .containsExactly("System prompt and secret theft", "Denial of wallet", "Supply-chain compromise");
    }

    @Test
    void narrativesNameSeveralTargetsAsASentenceWould() {
        ScenarioTemplate t = ScenarioTemplates.ALL.get(0);
        assertThat(t.narrative(List.of("chat", "form", "api"), List.of("customers")))
                .contains("the assistant on chat, form and api out of its instructions")
                .contains("reveal customers:");
        assertThat(t.narrative(List.of("chat"), List.of("customers", "handbook"))).contains("on chat out of")
                .contains("reveal customers and handbook:");
        assertThat(t.narrative(List.of(), List.of())).contains("the tested systems").contains("the data they handle");
    }
}
