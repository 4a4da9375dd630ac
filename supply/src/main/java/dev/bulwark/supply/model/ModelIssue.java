package dev.bulwark.supply.model;

import dev.bulwark.core.Severity;
import java.util.Objects;

/**
 * One thing found in one model file by a format reader.
 *
 * @param kind     what sort of problem
 * @param severity how bad, before {@code --strict} (which raises {@link IssueKind#SUSPICIOUS_CALL} to high)
 * @param entry    where inside the file: the archive entry chain ("archive/data.pkl", "outer.zip!/model.pt!/
 *                 archive/data.pkl"), empty for the file itself
 * @param offset   byte offset of the evidence within {@code entry} (or the file), -1 when unknown
 * @param subject  what was found: a callable ("builtins.eval"), a layer ("Lambda"), an op ("PyFunc"), a key
 * @param detail   one sentence a user can act on; never contains secrets from the file
 */
public record ModelIssue(IssueKind kind, Severity severity, String entry, long offset, String subject,
                         String detail) {
    public ModelIssue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        entry = entry == null ? "" : entry;
        subject = subject == null ? "" : subject;
        detail = detail == null ? "" : detail;
    }

    /** The same issue seen inside {@code outer} (an archive entry that holds this file). */
    public ModelIssue inside(String outer) {
        if (outer == null || outer.isEmpty()) return this;
        return new ModelIssue(kind, severity, entry.isEmpty() ? outer : outer + "!/" + entry, offset, subject, detail);
    }
}
