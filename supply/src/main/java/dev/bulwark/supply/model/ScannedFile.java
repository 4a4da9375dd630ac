package dev.bulwark.supply.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the scanner learned about one top-level file.
 *
 * @param path    the file
 * @param sha256  lowercase hex digest of the whole file (streamed), empty when it could not be read
 * @param size    bytes
 * @param status  scanned (some reader recognised it, or its name claims a model) or skipped (not a model)
 * @param formats formats recognised in it and in its members, outermost first ("zip", "pytorch-zip", "pickle")
 * @param issues  what the readers reported, entries relative to the file
 */
public record ScannedFile(Path path, String sha256, long size, Status status, List<String> formats,
                          List<ModelIssue> issues) {
    public ScannedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(status, "status");
        sha256 = sha256 == null ? "" : sha256;
        formats = List.copyOf(formats);
        issues = List.copyOf(issues);
    }

    public enum Status {
        /** A reader recognised the content (or the name claims a model no reader can verify). */
        SCANNED,
        /** No reader recognised the content and the name claims no model format: not a model file. */
        SKIPPED
    }

    /** True when some part of the file could not be verified. */
    public boolean notVerified() {
        return issues.stream().anyMatch(i -> i.kind() == IssueKind.NOT_VERIFIED);
    }
}
