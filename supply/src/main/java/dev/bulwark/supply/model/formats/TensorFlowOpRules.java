package dev.bulwark.supply.model.formats;

import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.IssueKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which TensorFlow graph ops reach outside the tensor world when a SavedModel is served. Checkpoint ops (Save*,
 * Restore*) are normal inside the saver — TF1's {@code save/} name scope, TF2's {@code _traced_save} /
 * {@code _traced_restore} and per-object {@code save_fn} / {@code restore_fn} functions — and only suspicious
 * elsewhere. Debug and print ops are harmless unless their attributes send tensors to a file or a host.
 */
final class TensorFlowOpRules {
    /** What one op does that matters, for one node. */
    record Risk(IssueKind kind, Severity severity, String why) {
    }

    /** Ops whose string attributes decide whether they are risky; the reader collects attributes only for these. */
    static final Set<String> INSPECTS_ATTRIBUTES = Set.of("DebugIdentity", "DebugIdentityV2", "DebugIdentityV3",
            "DebugNanCount", "DebugNumericSummary", "DebugNumericSummaryV2", "PrintV2", "ImmutableConst");

    private static final Map<String, Risk> ALWAYS = Map.of(
            "PyFunc", new Risk(IssueKind.DANGEROUS_CALL, Severity.HIGH,
                    "hands control to a Python function of the serving process (tf.numpy_function / tf.py_func)"),
            "PyFuncStateless", new Risk(IssueKind.DANGEROUS_CALL, Severity.HIGH,
                    "hands control to a Python function of the serving process (tf.numpy_function)"),
            "EagerPyFunc", new Risk(IssueKind.DANGEROUS_CALL, Severity.HIGH,
                    "hands control to a Python function of the serving process (tf.py_function)"),
            "WriteFile", new Risk(IssueKind.DANGEROUS_CALL, Severity.HIGH,
                    "writes bytes the graph chooses to a path the graph chooses (a dropped script or overwritten config)"),
            "ReadFile", new Risk(IssueKind.DANGEROUS_CALL, Severity.HIGH,
                    "reads any file the serving process can read; the model's output can carry it out"),
            "WholeFileReader", new Risk(IssueKind.DANGEROUS_CALL, Severity.HIGH,
                    "reads whole files named at run time"),
            "WholeFileReaderV2", new Risk(IssueKind.DANGEROUS_CALL, Severity.HIGH,
                    "reads whole files named at run time"),
            "MatchingFiles", new Risk(IssueKind.SUSPICIOUS_CALL, Severity.MEDIUM,
                    "lists the serving machine's file system"));

    private static final Set<String> CHECKPOINT_WRITES = Set.of("Save", "SaveV2", "SaveSlices", "MergeV2Checkpoints");
    private static final Set<String> CHECKPOINT_READS = Set.of("Restore", "RestoreV2", "RestoreSlice");
    private static final Pattern SAVER_SCOPE = Pattern.compile("^save(?:_\\d+)?/");
    private static final Pattern SAVER_FUNCTION = Pattern.compile("_traced_(?:save|restore)|(?:save|restore)_fn");

    private TensorFlowOpRules() {
    }

    /**
     * @param function the function holding the node, or "" for the top-level graph
     * @param strings  the node's string attributes (only filled for {@link #INSPECTS_ATTRIBUTES})
     */
    static Optional<Risk> classify(String op, String node, String function, Map<String, List<String>> strings) {
        Risk always = ALWAYS.get(op);
        if (always != null) return Optional.of(always);
        boolean inSaver = SAVER_SCOPE.matcher(node).find() || SAVER_FUNCTION.matcher(function).find();
        if (CHECKPOINT_WRITES.contains(op) && !inSaver) {
            return Optional.of(new Risk(IssueKind.UNSAFE_STRUCTURE, Severity.MEDIUM,
                    "writes a checkpoint to a path the graph chooses, outside the saver where such writes belong"));
        }
        if (CHECKPOINT_READS.contains(op) && !inSaver) {
            return Optional.of(new Risk(IssueKind.UNSAFE_STRUCTURE, Severity.LOW,
                    "reads a checkpoint from a path the graph chooses, outside the saver"));
        }
        return switch (op) {
            case "ImmutableConst" -> Optional.of(new Risk(IssueKind.UNSAFE_STRUCTURE, Severity.MEDIUM,
                    "maps the file " + quoted(first(strings, "memory_region_name")) + " into the graph"));
            case "PrintV2" -> first(strings, "output_stream").startsWith("file://")
                    ? Optional.of(new Risk(IssueKind.UNSAFE_STRUCTURE, Severity.MEDIUM,
                    "appends tensor values to " + quoted(first(strings, "output_stream"))))
                    : Optional.empty();
            default -> INSPECTS_ATTRIBUTES.contains(op) ? debugRisk(strings) : Optional.empty();
        };
    }

    /** tfdbg ops dump tensors to {@code debug_urls} (file:// or grpc://) or to {@code dump_root}. */
    private static Optional<Risk> debugRisk(Map<String, List<String>> strings) {
        for (String url : strings.getOrDefault("debug_urls", List.of())) {
            if (url.startsWith("grpc://")) {
                return Optional.of(new Risk(IssueKind.UNSAFE_STRUCTURE, Severity.HIGH,
                        "streams tensor values to the network host " + quoted(url)));
            }
            if (!url.isEmpty()) {
                return Optional.of(new Risk(IssueKind.UNSAFE_STRUCTURE, Severity.MEDIUM,
                        "dumps tensor values to " + quoted(url)));
            }
        }
        String root = first(strings, "dump_root");
        return root.isEmpty() ? Optional.empty() : Optional.of(new Risk(IssueKind.UNSAFE_STRUCTURE, Severity.MEDIUM,
                "dumps tensor values under " + quoted(root)));
    }

    private static String first(Map<String, List<String>> strings, String key) {
        List<String> values = strings.getOrDefault(key, List.of());
        return values.isEmpty() ? "" : values.get(0);
    }

    private static String quoted(String text) {
        return "'" + Issues.excerpt(text, 120) + "'";
    }
}
