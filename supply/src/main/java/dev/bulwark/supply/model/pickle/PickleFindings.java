package dev.bulwark.supply.model.pickle;

import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ScanContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what the simulator saw into {@link ModelIssue}s through the {@link PicklePolicy}: one issue per distinct
 * subject (first offset kept, repeats counted), so a file that imports the same class ten thousand times yields one
 * line, and the number of distinct subjects is bounded too.
 */
final class PickleFindings implements PickleObserver {
    private static final int MAX_SUBJECTS = 10_000;

    private final PicklePolicy policy;
    private final Map<String, Pending> bySubject = new LinkedHashMap<>();
    private final List<ModelIssue> notVerified = new ArrayList<>(1);
    private boolean overflow;

    private static final class Pending {
        final IssueKind kind;
        final Severity severity;
        final long offset;
        final String detail;
        int count = 1;

        Pending(IssueKind kind, Severity severity, long offset, String detail) {
            this.kind = kind;
            this.severity = severity;
            this.offset = offset;
            this.detail = detail;
        }
    }

    PickleFindings(PicklePolicy policy) {
        this.policy = policy;
    }

    @Override
    public void imported(String module, String name, long offset, Opcode opcode) {
        String subject = module + "." + name;
        switch (policy.classify(module, name)) {
            case PicklePolicy.Verdict.Allowed allowed -> { }
            case PicklePolicy.Verdict.Suspicious s -> add(subject, IssueKind.SUSPICIOUS_CALL, Severity.MEDIUM, offset,
                    "The pickle imports " + subject + " (" + opcode + "), which is " + s.why()
                            + "; loading it runs whatever that callable does.");
            case PicklePolicy.Verdict.Dangerous d -> add(subject, IssueKind.DANGEROUS_CALL, d.severity(), offset,
                    "The pickle imports " + subject + " (" + opcode + "): on load it " + d.effect()
                            + ". Do not load this file with pickle, torch.load(weights_only=False) or joblib.");
        }
    }

    @Override
    public void unresolvedImport(String shown, long offset) {
        add(shown, IssueKind.DANGEROUS_CALL, Severity.HIGH, offset, "STACK_GLOBAL imports a name built from values"
                + " that are not plain strings (" + shown + "): the callable is hidden from static checks, a known"
                + " scanner-evasion trick.");
    }

    @Override
    public void mutatedImport(String qualifiedName, long offset, Opcode opcode) {
        add(qualifiedName + " (" + opcode + ")", IssueKind.DANGEROUS_CALL, Severity.HIGH, offset, opcode
                + " changes the imported object " + qualifiedName + " in place (module or class attributes,"
                + " sys.modules, os.environ): on load it can swap a trusted function for an attacker's.");
    }

    @Override
    public void extension(long code, long offset) {
        add("extension code " + code, IssueKind.SUSPICIOUS_CALL, Severity.MEDIUM, offset, "The pickle imports"
                + " through the copyreg extension registry (code " + code + "); what that code names depends on"
                + " the loading process and cannot be checked.");
    }

    @Override
    public void notVerified(long offset, String reason) {
        if (notVerified.size() < 10) {
            notVerified.add(new ModelIssue(IssueKind.NOT_VERIFIED, Severity.MEDIUM, "", offset, "pickle",
                    "The pickle could not be verified: " + reason + "."));
        }
    }

    private void add(String subject, IssueKind kind, Severity severity, long offset, String detail) {
        Pending p = bySubject.get(subject);
        if (p != null) {
            p.count++;
        } else if (bySubject.size() < MAX_SUBJECTS) {
            bySubject.put(subject, new Pending(kind, severity, offset, detail));
        } else {
            overflow = true;
        }
    }

    /** The issues so far, worst first within the file order they were seen in. */
    List<ModelIssue> issues() {
        List<ModelIssue> out = new ArrayList<>(bySubject.size() + notVerified.size() + 1);
        bySubject.forEach((subject, p) -> out.add(new ModelIssue(p.kind, p.severity, "", p.offset, subject,
                p.count == 1 ? p.detail : p.detail + " (" + p.count + " times in this file)")));
        out.addAll(notVerified);
        if (overflow) {
            out.add(new ModelIssue(IssueKind.NOT_VERIFIED, Severity.MEDIUM, "", -1, "pickle", "More than "
                    + MAX_SUBJECTS + " distinct imports: the rest were not listed."));
        }
        return out;
    }

    void reportTo(ScanContext context) {
        issues().forEach(context::report);
    }
}
