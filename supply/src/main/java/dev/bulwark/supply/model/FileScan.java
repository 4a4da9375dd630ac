package dev.bulwark.supply.model;

import dev.bulwark.core.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The state of scanning one top-level file: the issues found anywhere inside it, the formats seen, and the
 * expanded-bytes budget its archives and compressed streams share. {@link Frame} is the {@link ScanContext} a reader
 * gets: one per (nested) input, knowing its entry chain and depth.
 */
final class FileScan {
    /** More issues than this in one file add nothing a person can act on; the rest are counted. */
    static final int MAX_ISSUES = 10_000;

    private final Readers readers;
    private final ScanLimits limits;
    private final List<ModelIssue> issues = new ArrayList<>();
    private final Set<String> formats = new LinkedHashSet<>();
    private long expanded;
    private long dropped;

    FileScan(Readers readers, ScanLimits limits) {
        this.readers = readers;
        this.limits = limits;
    }

    /** Scans the top-level input; false when no reader recognised it. */
    boolean scanTop(ModelInput input) throws IOException {
        return dispatch(input, new Frame("", 0));
    }

    List<ModelIssue> issues() {
        if (dropped == 0) return List.copyOf(issues);
        var all = new ArrayList<>(issues);
        all.add(new ModelIssue(IssueKind.NOT_VERIFIED, Severity.MEDIUM, "", -1, "issue limit",
                dropped + " further issues were not recorded (more than " + MAX_ISSUES + " in one file)"));
        return all;
    }

    List<String> formats() {
        return List.copyOf(formats);
    }

    /**
     * Reads {@code input} with every reader that recognises its first bytes (a polyglot file is loaded as whichever
     * format a loader picks, so each view is checked). Content no reader recognises is reported only when its name
     * claims a model format.
     */
    private boolean dispatch(ModelInput input, Frame frame) throws IOException {
        Head head = Head.of(input);
        List<FormatReader> recognizing = new ArrayList<>(readers.recognizing(head));
        if (input.file() != null) addTailRecognizers(input, recognizing);
        if (recognizing.isEmpty()) {
            if (ModelClaims.claimsModel(input.name())) {
                frame.report(new ModelIssue(IssueKind.NOT_VERIFIED, Severity.MEDIUM, "", -1, "unknown format",
                        "claims to be a model but the content is not a format we can verify"));
                return true;
            }
            return false;
        }
        int[] from = new int[recognizing.size()];
        int[] to = new int[recognizing.size()];
        for (int i = 0; i < recognizing.size(); i++) {
            FormatReader reader = recognizing.get(i);
            formats.add(reader.format());
            from[i] = issues.size();
            try {
                reader.read(input, head, frame);
            } catch (IOException | RuntimeException | StackOverflowError e) {
                frame.report(new ModelIssue(IssueKind.NOT_VERIFIED, Severity.MEDIUM, "", -1, reader.format(),
                        "the " + reader.format() + " reader could not finish: " + reason(e)));
            }
            to[i] = issues.size();
        }
        if (recognizing.size() > 1) dropFailedViews(recognizing, from, to);
        return true;
    }

    /**
     * Several readers recognised the bytes (a safetensors header length can look like a pickle opcode). A view that
     * could not even be parsed cannot be loaded as that format either, so when another view read the file cleanly
     * the failed view's "not verified" is noise, not a finding. Anything else a view found — a dangerous call in a
     * polyglot — is always kept.
     */
    private void dropFailedViews(List<FormatReader> recognizing, int[] from, int[] to) {
        boolean anyClean = false;
        for (int i = 0; i < from.length; i++) anyClean |= !hasNotVerified(from[i], to[i]);
        if (!anyClean) return;
        for (int i = from.length - 1; i >= 0; i--) {
            if (to[i] > from[i] && onlyNotVerified(from[i], to[i])) {
                issues.subList(from[i], to[i]).clear();
                formats.remove(recognizing.get(i).format());
            }
        }
    }

    private boolean hasNotVerified(int from, int to) {
        for (int k = from; k < to; k++) if (issues.get(k).kind() == IssueKind.NOT_VERIFIED) return true;
        return false;
    }

    private boolean onlyNotVerified(int from, int to) {
        for (int k = from; k < to; k++) if (issues.get(k).kind() != IssueKind.NOT_VERIFIED) return false;
        return true;
    }

    private void addTailRecognizers(ModelInput input, List<FormatReader> recognizing) {
        for (FormatReader r : readers.all()) {
            if (r instanceof TailRecognizer tail && !recognizing.contains(r)) {
                try {
                    if (tail.recognizesTail(input.file())) recognizing.add(r);
                } catch (IOException | RuntimeException e) {
                    // the head decides then; the file is read in full by whoever recognises it
                }
            }
        }
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        String text = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private void add(ModelIssue issue) {
        if (issues.size() >= MAX_ISSUES) {
            dropped++;
        } else {
            issues.add(issue);
        }
    }

    /** One input being read: a reader's view of the scan. */
    final class Frame implements ScanContext {
        private final String chain;
        private final int depth;

        Frame(String chain, int depth) {
            this.chain = chain;
            this.depth = depth;
        }

        @Override
        public void report(ModelIssue issue) {
            add(issue.inside(chain));
        }

        @Override
        public void scanNested(ModelInput member) throws IOException {
            if (depth + 1 > limits.maxDepth()) {
                report(new ModelIssue(IssueKind.NOT_VERIFIED, Severity.MEDIUM, member.name(), -1, "nesting depth",
                        "nested deeper than " + limits.maxDepth() + " archives or compressed streams; not read"));
                return;
            }
            var child = new Frame(chain.isEmpty() ? member.name() : chain + "!/" + member.name(), depth + 1);
            try {
                dispatch(member, child);
            } catch (IOException | RuntimeException e) {
                child.report(new ModelIssue(IssueKind.NOT_VERIFIED, Severity.MEDIUM, "", -1, "unreadable member",
                        "could not be read: " + reason(e)));
            }
        }

        @Override
        public ScanLimits limits() {
            return limits;
        }

        @Override
        public boolean spend(long expandedBytes) {
            if (expandedBytes < 0) return false;
            expanded += expandedBytes;
            return expanded <= limits.maxExpandedBytes();
        }

        @Override
        public void declareFormat(String format) {
            if (format != null && !format.isBlank()) formats.add(format);
        }
    }
}
