package dev.bulwark.supply.model;

import java.io.IOException;

/** What a {@link FormatReader} may do while it reads: report issues, hand members of a container back, respect limits. */
public interface ScanContext {
    /** Records an issue in the input being read (its {@code entry} is relative to that input). */
    void report(ModelIssue issue);

    /**
     * Scans a member of the container being read (format decided by its own bytes); its issues come back with
     * {@code member.name()} prefixed. Refused, with a not-verified issue, beyond {@link ScanLimits#maxDepth()}.
     */
    void scanNested(ModelInput member) throws IOException;

    ScanLimits limits();

    /** Counts decompressed bytes against {@link ScanLimits#maxExpandedBytes()}; false once the budget is spent. */
    boolean spend(long expandedBytes);

    /**
     * Names a format recognised beyond the reader's own (the zip reader says "pytorch-zip" when the archive holds a
     * {@code data.pkl}); it is listed with the file's formats in the report. Optional for contexts that do not list.
     */
    default void declareFormat(String format) {
    }
}
