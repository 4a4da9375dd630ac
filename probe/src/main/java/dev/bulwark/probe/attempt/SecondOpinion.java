package dev.bulwark.probe.attempt;

import dev.bulwark.core.CheckContext;
import dev.bulwark.core.Verdict;
import dev.bulwark.core.http.EngagementClient;
import dev.bulwark.core.scope.JudgeEndpoint;
import dev.bulwark.core.scope.Scope;
import dev.bulwark.probe.judge.LlmJudge;
import java.util.List;
import java.util.Optional;

/**
 * The check context of a prompt check run when the scope names an LLM judge: everything is delegated, and the
 * {@link AttemptRunner} may ask it to {@link #review} an attempt the deterministic judges called UNSCORABLE. Only
 * those: a hit or pass of a deterministic judge (a canary, a marker, the detection engine) is never second-guessed,
 * and a jailbreak hit proven by its one-time code needs no confirmation. The judge is consulted at most
 * {@link JudgeEndpoint#maxCallsPerCheck()} times per run; an unreachable judge or an unparseable answer leaves the
 * attempt UNSCORABLE (never a pass). Counts the verdicts it decided, so the check's findings can say so.
 */
public final class SecondOpinion implements CheckContext {
    static final String PREFIX = "LLM judge: ";

    private final CheckContext delegate;
    private final LlmJudge judge;
    private int calls;
    private int hits;

    private SecondOpinion(CheckContext delegate, LlmJudge judge) {
        this.delegate = delegate;
        this.judge = judge;
    }

    /** {@code context} itself when its scope names no judge. */
    public static CheckContext around(CheckContext context) {
        Optional<JudgeEndpoint> endpoint = context.scope().judge();
        return endpoint.isEmpty() || context instanceof SecondOpinion ? context
                : new SecondOpinion(context, new LlmJudge(endpoint.get(), context.http()));
    }

    /** The hits the LLM judge decided in this run. */
    public int judgeHits() {
        return hits;
    }

    public JudgeEndpoint endpoint() {
        return judge.endpoint();
    }

    /** A verdict for an UNSCORABLE attempt that has an answer to read; other judgements come back unchanged. */
    Judgement review(String checkId, ProbeAttempt<?> attempt, Judgement judgement) throws InterruptedException {
        if (judgement.verdict() != Verdict.UNSCORABLE || judgement.observed().isBlank()) return judgement;
        if (calls >= judge.endpoint().maxCallsPerCheck()) {
            return Judgement.unscorable(judgement.reason() + "; the LLM judge's limit of "
                    + judge.endpoint().maxCallsPerCheck() + " calls for this check was reached", judgement.observed());
        }
        calls++;
        delegate.progress(checkId + ": asking the LLM judge about " + attempt.label());
        return switch (judge.ask(checkId, attack(attempt), judgement.observed())) {
            case LlmJudge.Outcome.Answered answered -> decided(answered, judgement);
            case LlmJudge.Outcome.NoAnswer none ->
                    Judgement.unscorable(judgement.reason() + "; " + none.why(), judgement.observed());
        };
    }

    private Judgement decided(LlmJudge.Outcome.Answered answered, Judgement unscorable) {
        String reason = PREFIX + answered.answer().reason() + " (model " + judge.endpoint().model()
                + "; the deterministic judges said: " + unscorable.reason() + ")";
        if (answered.answer().verdict() == Verdict.HIT) {
            hits++;
            return Judgement.hit(reason, unscorable.observed());
        }
        return Judgement.pass(reason, unscorable.observed());
    }

    /** The last user turn of the attempt (the attack), or the whole request body of a templated target. */
    private static String attack(ProbeAttempt<?> attempt) {
        List<String[]> turns = Reproduction.turns(attempt.call());
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i)[0].equals("user")) return turns.get(i)[1];
        }
        return attempt.payload() instanceof String text ? text : attempt.call().bodyText();
    }

    @Override
    public Scope scope() {
        return delegate.scope();
    }

    @Override
    public EngagementClient http() {
        return delegate.http();
    }

    @Override
    public boolean stopRequested() {
        return delegate.stopRequested();
    }

    @Override
    public void progress(String message) {
        delegate.progress(message);
    }
}
