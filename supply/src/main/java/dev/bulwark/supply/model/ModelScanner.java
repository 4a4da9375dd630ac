package dev.bulwark.supply.model;

import dev.bulwark.core.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Scans model files without loading them: walks the named paths, decides each file's format by its bytes, hands it
 * to every {@link FormatReader} that recognises it (archives hand their members back, see {@link ScanContext}) and
 * returns one {@link ScannedFile} per file with its SHA-256. Fails closed: a reader that throws, a limit that is hit,
 * a file that claims a model format nobody can read: each becomes a {@link IssueKind#NOT_VERIFIED} issue.
 *
 * <p>Memory stays constant in the file size: readers stream, and the digest is computed on a second thread over its
 * own stream while the readers work.
 */
public final class ModelScanner {
    private final Readers readers;
    private final ScanLimits limits;

    public ModelScanner(Readers readers, ScanLimits limits) {
        this.readers = Objects.requireNonNull(readers, "readers");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The installed readers with the default limits. */
    public static ModelScanner standard() {
        return new ModelScanner(Readers.installed(), ScanLimits.defaults());
    }

    public Readers readers() {
        return readers;
    }

    /**
     * Scans every regular file under {@code paths}, in walk order.
     *
     * @throws java.nio.file.NoSuchFileException when a named path does not exist (nothing is scanned)
     */
    public List<ScannedFile> scan(List<Path> paths) throws IOException {
        List<Path> files = ModelFiles.under(paths);
        List<ScannedFile> out = new ArrayList<>(files.size());
        try (ExecutorService hashing = Executors.newSingleThreadExecutor(r -> {
            var t = new Thread(r, "bulwark-sha256");
            t.setDaemon(true);
            return t;
        })) {
            for (Path file : files) out.add(scanFile(file, hashing));
        }
        return List.copyOf(out);
    }

    /** Scans one file (no walking). */
    public ScannedFile scanFile(Path file) {
        try (ExecutorService hashing = Executors.newSingleThreadExecutor()) {
            return scanFile(file, hashing);
        }
    }

    private ScannedFile scanFile(Path file, ExecutorService hashing) {
        CompletableFuture<String> digest = CompletableFuture.supplyAsync(() -> {
            try {
                return Sha256.of(file);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, hashing);
        ModelInput input = ModelInput.of(file);
        long size = input.size();
        var scan = new FileScan(readers, limits);
        var extra = new ArrayList<ModelIssue>();
        boolean recognised;
        try {
            recognised = scan.scanTop(input);
        } catch (IOException | RuntimeException e) {
            recognised = true;
            extra.add(new ModelIssue(IssueKind.NOT_VERIFIED, Severity.MEDIUM, "", -1, "unreadable file",
                    "could not be read: " + e.getMessage()));
        }
        String sha256 = "";
        try {
            sha256 = digest.join();
        } catch (CompletionException e) {
            extra.add(new ModelIssue(IssueKind.NOT_VERIFIED, Severity.MEDIUM, "", -1, "unreadable file",
                    "could not be hashed: " + e.getCause().getMessage()));
            recognised = true;
        }
        var issues = new ArrayList<>(scan.issues());
        issues.addAll(extra);
        return new ScannedFile(file, sha256, size,
                recognised ? ScannedFile.Status.SCANNED : ScannedFile.Status.SKIPPED, scan.formats(), issues);
    }
}
