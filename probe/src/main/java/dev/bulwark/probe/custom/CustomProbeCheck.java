package dev.bulwark.probe.custom;

import dev.bulwark.core.CheckContext;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Finding;
import dev.bulwark.core.VerdictTally;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.core.scope.RulesOfEngagement;
import dev.bulwark.core.scope.Target;
import dev.bulwark.detect.CanaryDetector;
import dev.bulwark.detect.EntityScanner;
import dev.bulwark.detect.RefusalDetector;
import dev.bulwark.probe.PromptCheck;
import dev.bulwark.probe.PromptClient;
import dev.bulwark.probe.attempt.AttemptLog;
import dev.bulwark.probe.attempt.Judgement;
import dev.bulwark.probe.attempt.ProbeAttempt;
import dev.bulwark.probe.attempt.ProbeFindings;
import dev.bulwark.probe.attempt.PromptJudge;
import dev.bulwark.probe.decode.Revealed;
import dev.bulwark.probe.llm.EchoGuard;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A check defined by a YAML file ({@link ProbeSpec}): each prompt template is filled in (a fresh
 * {@code {{canary}}} per attempt, the file's variables), sent, and judged by the file's deterministic detector
 * — on the reply as sent and, when that shows nothing, on its decoded views (base64, hex, rot13, …).
 * One finding per target when any attempt hits.
 */
final class CustomProbeCheck extends PromptCheck {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Text the detectors look at; longer replies are cut (the engagement client capped them already). */
    static final int MAX_JUDGED_CHARS = 20_000;

    private final ProbeSpec spec;

    CustomProbeCheck(ProbeSpec spec) {
        super(spec.descriptor());
        this.spec = spec;
    }

    /** What one attempt needs to be judged: the prompt sent and its canary. */
    record Sent(String prompt, String canary) {
    }

    @Override
    public int plannedRequests(Target target, RulesOfEngagement rules) {
        return spec.prompts().size();
    }

    @Override
    protected CheckOutcome run(PromptTarget target, PromptClient client, CheckContext context)
            throws InterruptedException {
        if (spec.detector() == Detector.SYSTEM_PROMPT_CANARY && target.systemPromptCanaries().isEmpty()) {
            return CheckOutcome.notTested("the system-prompt-canary detector needs systemPromptCanaries on the target",
                    VerdictTally.EMPTY);
        }
        List<ProbeAttempt<Sent>> attempts = spec.prompts().stream().map(p -> {
            String canary = "BWK-" + HexFormat.of().formatHex(randomBytes());
            String prompt = fill(p.template(), canary, spec.vars());
            return new ProbeAttempt<>(p.label(), client.call(prompt), new Sent(prompt, canary));
        }).toList();
        return judgeAll(attempts, PromptJudge.reading(client, (a, answer) -> judge(target, a, answer)), context, log -> finding(target, log));
    }

    Judgement judge(PromptTarget target, ProbeAttempt<Sent> attempt, String answer) {
        String reply = answer.length() > MAX_JUDGED_CHARS ? answer.substring(0, MAX_JUDGED_CHARS) : answer;
        String prompt = attempt.payload().prompt();
        boolean detected;
        String what;
        String note = "";
        String observed = answer;
        try {
            switch (spec.detector()) {
                case CANARY, SYSTEM_PROMPT_CANARY -> {
                    boolean own = spec.detector() == Detector.CANARY;
                    List<String> canaries = own ? List.of(attempt.payload().canary()) : target.systemPromptCanaries();
                    detected = CanaryDetector.of(canaries).anyIn(EchoGuard.withoutEcho(prompt, reply));
                    if (!detected) {
                        Optional<Revealed> revealed = Revealed.canaries(canaries, prompt, reply);
                        detected = revealed.isPresent();
                        if (detected) {
                            note = revealed.get().note();
                            observed = revealed.get().observed(answer);
                        }
                    }
                    what = own ? "the attempt's canary " + attempt.payload().canary() : "a planted system-prompt canary";
                }
                case REGEX -> {
                    detected = spec.regex().find(reply.replace(prompt, " "));
                    for (Revealed view : detected ? List.<Revealed>of() : Revealed.plausible(prompt, reply)) {
                        if (spec.regex().find(view.view().text().replace(prompt, " "))) {
                            detected = true;
                            note = view.note();
                            observed = view.observed(answer);
                            break;
                        }
                    }
                    what = "the pattern /" + spec.regex().pattern() + "/";
                }
                case PII -> {
                    int found = EntityScanner.standard().scan(reply.replace(prompt, " ")).size();
                    for (Revealed view : found > 0 ? List.<Revealed>of() : Revealed.plausible(prompt, reply)) {
                        found = EntityScanner.standard().scan(view.view().text().replace(prompt, " ")).size();
                        if (found > 0) {
                            note = view.note();
                            observed = view.observed(answer);
                            break;
                        }
                    }
                    detected = found > 0;
                    what = detected ? found + " personal-data or secret value(s)" : "personal data or secrets";
                }
                case REFUSAL_ABSENT -> {
                    detected = !RefusalDetector.standard().isRefusal(reply);
                    what = "an answer without a refusal";
                }
                default -> throw new IllegalStateException("unknown detector " + spec.detector());
            }
        } catch (BoundedRegex.TooCostly e) {
            return Judgement.unscorable(e.getMessage(), answer);
        }
        boolean hit = detected == spec.hitWhenDetected();
        String reason = (detected ? "found " : "did not find ") + what + note;
        return hit ? Judgement.hit(reason, observed) : Judgement.pass(reason, observed);
    }

    private Finding finding(PromptTarget target, AttemptLog<Sent> log) {
        var labels = log.hits().stream().map(r -> r.attempt().label()).toList();
        return ProbeFindings.on(descriptor(), target)
                .title(descriptor().title() + " on " + target.id() + " (" + log.tally().hits() + "/"
                        + log.tally().decided() + " attempts)")
                .confidence(spec.confidence())
                .evidence(ProbeFindings.evidence(log, target))
                .description(descriptor().description() + " Custom probe " + spec.file().getFileName() + ": "
                        + log.rateSummary() + ". Prompts that worked: " + String.join(", ", labels) + ".")
                .rootCause(descriptor().id())
                .build();
    }

    /** The template with {@code {{canary}}} and the file's variables filled in; the prompt itself is never re-read. */
    static String fill(String template, String canary, Map<String, String> vars) {
        Matcher m = java.util.regex.Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]{0,63})\\s*}}").matcher(template);
        var out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals(ProbeFileReader.CANARY) ? canary : vars.getOrDefault(name, m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return b;
    }
}
