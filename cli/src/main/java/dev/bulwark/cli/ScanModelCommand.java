package dev.bulwark.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bulwark.core.Severity;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.engine.CheckRun;
import dev.bulwark.correlate.Assessment;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.core.integrity.Ed25519Keys;
import dev.bulwark.supply.model.ModelFindings;
import dev.bulwark.supply.model.ModelSignatures;
import dev.bulwark.supply.model.ModelScanner;
import dev.bulwark.supply.model.ScannedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark scan model PATH...}: scans model files by content without loading them, writes findings.json and the
 * report formats, plus {@code models.json}: every scanned file with its SHA-256, size and formats.
 */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Scan model files (pickle, PyTorch, NumPy, joblib, Keras, HDF5, SavedModel, ONNX, safetensors, "
                + "GGUF, and archives of them) for code that runs when they are loaded. Nothing is loaded or run.")
final class ScanModelCommand implements Callable<Integer> {
    static final String INVENTORY = "models.json";

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders (folders are scanned recursively).")
    List<Path> paths;

    @Option(names = "--strict", description = "Report callables outside the allowlist as high instead of medium.")
    boolean strict;

    @Option(names = "--verify-key", paramLabel = "PUB",
            description = "Ed25519 public key (PEM, from `keys create --signing`): every model file must carry a"
                    + " FILE.sig.json made by `bulwark sign` with its private key; unsigned or changed files are"
                    + " reported.")
    Path verifyKey;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws IOException {
        ScanCommand.requireExisting(paths);
        Assessor.Options options = report.options();
        Instant started = Instant.now();
        ModelScanner scanner = ModelScanner.standard();
        for (String gap : scanner.readers().unavailable()) {
            System.err.println("bulwark: warning: a model reader is unavailable (" + gap + "); files only it could"
                    + " read are reported as not verified");
        }
        List<ScannedFile> files;
        try {
            files = scanner.scan(paths);
        } catch (NoSuchFileException e) {
            throw new BadInputException(e.getFile() + ": no such file or directory", e);
        }
        var findings = new ArrayList<>(ModelFindings.of(files, strict));
        if (verifyKey != null) findings.addAll(ModelSignatures.check(files, Ed25519Keys.readPublic(verifyKey)));
        Assessment assessment = ScanCommand.assess("scan model", started, findings, checkRuns(files));
        ScanCommand.write(assessment, options);
        writeInventory(files, options.outDir().resolve(INVENTORY));
        printSummary(files, assessment, options.outDir());
        return ScanCommand.exitCode(assessment, options.failOn());
    }

    private static List<CheckRun> checkRuns(List<ScannedFile> files) {
        var runs = new ArrayList<CheckRun>();
        for (ScannedFile f : files) {
            if (f.status() == ScannedFile.Status.SKIPPED) continue;
            String note = "sha256 " + f.sha256() + ", " + f.size() + " bytes, format "
                    + (f.formats().isEmpty() ? "unknown" : String.join(" > ", f.formats()))
                    + (f.notVerified() ? "; parts could not be verified (see the not-verified findings)" : "");
            runs.add(ScanCommand.checkRun(ModelFindings.CODE_EXECUTION, f.path().toString(),
                    WeaknessClass.CODE_EXECUTION_ON_MODEL_LOAD, !f.notVerified(), note));
        }
        return runs;
    }

    /** One line per file in models.json: the hashes the issue asks for, including files with nothing to report. */
    @JsonPropertyOrder({"path", "sha256", "size", "status", "formats", "codeExecution", "notVerified"})
    record InventoryEntry(String path, String sha256, long size, String status, List<String> formats,
                          long codeExecution, long notVerified) {
        static InventoryEntry of(ScannedFile f) {
            long notVerified = f.issues().stream().filter(i -> i.kind() == IssueKind.NOT_VERIFIED).count();
            return new InventoryEntry(f.path().toString(), f.sha256(), f.size(),
                    f.status().name().toLowerCase(java.util.Locale.ROOT), f.formats(),
                    f.issues().size() - notVerified, notVerified);
        }
    }

    @JsonPropertyOrder({"schema", "files"})
    record Inventory(String schema, List<InventoryEntry> files) {
    }

    static void writeInventory(List<ScannedFile> files, Path target) throws IOException {
        var mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        var inventory = new Inventory("bulwark/models/v1", files.stream().map(InventoryEntry::of).toList());
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        mapper.writeValue(temp.toFile(), inventory);
        Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void printSummary(List<ScannedFile> files, Assessment assessment, Path outDir) {
        var out = System.out;
        long skipped = files.stream().filter(f -> f.status() == ScannedFile.Status.SKIPPED).count();
        long scanned = files.size() - skipped;
        long unsafe = files.stream().filter(f -> f.issues().stream().anyMatch(i -> i.kind() != IssueKind.NOT_VERIFIED))
                .count();
        long unverified = files.stream().filter(ScannedFile::notVerified).count();
        out.printf("Scanned %d model file%s (%d other file%s skipped): %d with code that runs on load, %d not fully"
                        + " verified%n", scanned, scanned == 1 ? "" : "s", skipped, skipped == 1 ? "" : "s", unsafe,
                unverified);
        var counts = assessment.severityCounts();
        out.printf("  critical %d  high %d  medium %d  low %d  info %d%n", counts.get(Severity.CRITICAL),
                counts.get(Severity.HIGH), counts.get(Severity.MEDIUM), counts.get(Severity.LOW),
                counts.get(Severity.INFO));
        assessment.findings().stream().limit(12).forEach(f -> out.printf("  %-7s %-8s %s%n", f.id(),
                f.severity().label(), f.title() + " — " + f.location().path()
                        + (f.location().entry() == null ? "" : "!/" + f.location().entry())));
        if (assessment.findings().size() > 12) out.printf("  … and %d more%n", assessment.findings().size() - 12);
        out.println("Data:   " + outDir.resolve("findings.json").toAbsolutePath().normalize());
        out.println("Hashes: " + outDir.resolve(INVENTORY).toAbsolutePath().normalize());
    }
}
