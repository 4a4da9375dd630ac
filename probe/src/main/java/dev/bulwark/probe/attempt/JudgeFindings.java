package dev.bulwark.probe.attempt;

import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Confidence;
import dev.bulwark.core.Finding;
import java.util.List;

/**
 * Says so in a check's findings when the LLM judge decided some of its hits. When every hit came from the judge
 * the finding is only tentative (an LLM's grading, not a detector's proof); when some did, the confidence the
 * deterministic hits earned stays and the description counts the others.
 */
public final class JudgeFindings {
    private JudgeFindings() {
    }

    public static CheckOutcome mark(CheckOutcome outcome, SecondOpinion second) {
        if (second.judgeHits() == 0 || outcome.findings().isEmpty()) return outcome;
        boolean onlyJudge = second.judgeHits() >= outcome.tally().hits();
        List<Finding> marked = outcome.findings().stream().map(f -> mark(f, second, onlyJudge)).toList();
        return new CheckOutcome(outcome.coverage(), marked, outcome.tally(), outcome.note());
    }

    private static Finding mark(Finding f, SecondOpinion second, boolean onlyJudge) {
        String note = " " + second.judgeHits() + " of the " + (onlyJudge ? "" : "successful ") + "attempts counted"
                + " here were decided by the LLM judge (model " + second.endpoint().model() + " at "
                + second.endpoint().url() + "), not by a deterministic detector"
                + (onlyJudge ? ", so this finding is tentative: read the evidence before relying on it." : ".");
        Confidence confidence = onlyJudge ? Confidence.TENTATIVE : f.confidence();
        return new Finding(f.id(), f.fingerprint(), f.check(), f.weakness(), f.title(), f.severity(), confidence,
                f.cvss(), f.cwe(), f.cve(), f.owaspLlm(), f.atlas(), f.target(), f.assets(), f.location(),
                f.evidence(), f.description() + note, f.remediation(), f.controls(), f.references());
    }
}
