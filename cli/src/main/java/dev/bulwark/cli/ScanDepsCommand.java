package dev.bulwark.cli;

import dev.bulwark.core.Coverage;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.correlate.Assessment;
import dev.bulwark.kb.KnowledgeBase;
import dev.bulwark.supply.deps.DependencyScan;
import dev.bulwark.supply.deps.DependencyScanner;
import dev.bulwark.supply.deps.DepsFindings;
import dev.bulwark.supply.deps.ExploitStatus;
import dev.bulwark.supply.deps.manifest.ManifestLimits;
import dev.bulwark.supply.deps.osv.AdvisoryDatabase;
import dev.bulwark.supply.deps.osv.CacheLocation;
import dev.bulwark.supply.deps.osv.ExploitData;
import dev.bulwark.supply.deps.trust.ModelFileRef;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ModelScanner;
import dev.bulwark.supply.model.ScannedFile;
import dev.bulwark.supply.sbom.ModelComponent;
import dev.bulwark.supply.sbom.SbomBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark scan deps PATH...}: reads dependency manifests and lock files, checks them against the offline OSV
 * data and for untrustworthy components, writes findings.json and the report formats, and optionally a CycloneDX
 * SBOM. Never contacts the network: the advisory data comes from {@code bulwark db update}.
 *
 * <p>Exit codes: 1 when a finding is at or above {@code --fail-on}; 2 when a path or manifest could not be read
 * (the report is still written, naming what was not verified); 0 otherwise.
 */
@Command(name = "deps", mixinStandardHelpOptions = true,
        description = {"Scan dependency manifests (requirements*.txt, pyproject.toml, poetry.lock, Pipfile.lock, uv.lock,"
                + " pylock.toml, environment.yml, package-lock.json, pom.xml) for known vulnerabilities (offline OSV"
                + " data), typosquats, unpinned or unhashed requirements, extra package indexes, unpinned VCS sources"
                + " and AI libraries whose model loaders run code.",
                "Run 'bulwark db update' first to download the advisory data."})
final class ScanDepsCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Manifests or folders (folders are searched recursively).")
    List<Path> paths;

    @Option(names = "--offline", description = "Use only the cached advisory data; when there is none, report"
            + " vulnerabilities as not tested instead of stopping.")
    boolean offline;

    @Option(names = "--sbom", paramLabel = "FILE", description = "Also write a CycloneDX 1.6 JSON SBOM (ML-BOM with --models).")
    Path sbom;

    @Option(names = "--models", description = "Also scan model files under PATH: name them in unsafe-loader findings and"
            + " list them (SHA-256, format, risks) in the SBOM.")
    boolean models;

    @Mixin
    DbCommand.CacheOption cache;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws IOException {
        ScanCommand.requireExisting(paths);
        Assessor.Options options = report.options();
        Instant started = Instant.now();
        CacheLocation location = cache.location();
        Optional<AdvisoryDatabase> advisories = advisories(location);
        List<ScannedFile> modelFiles = models ? ModelScanner.standard().scan(paths) : List.of();
        var scanner = new DependencyScanner(advisories, new ExploitStatus(KnowledgeBase.bundled(), ExploitData.loadIfReadable(location)),
                ManifestLimits.defaults());
        DependencyScan scan = scanner.scan(paths, ModelFileRef.of(modelFiles));
        Assessment assessment = ScanCommand.assess("scan deps", started, scan.findings(), scan.checkRuns());
        ScanCommand.write(assessment, options);
        if (sbom != null) writeSbom(scan, modelFiles, assessment);
        print(System.out, scan, assessment, options.outDir(), advisories.isPresent());
        scan.problems().forEach(p -> System.err.println("bulwark: " + p));
        if (!scan.problems().isEmpty()) return ExitCode.BAD_INPUT;
        return ScanCommand.exitCode(assessment, options.failOn());
    }

    /**
     * The cached OSV data. Without {@code --offline} a missing cache stops the scan with what to do (a scan never
     * downloads anything itself); with it, vulnerabilities are reported as not tested.
     */
    private Optional<AdvisoryDatabase> advisories(CacheLocation location) {
        Optional<AdvisoryDatabase> db;
        try {
            db = AdvisoryDatabase.withData(location);
        } catch (UncheckedIOException damaged) {
            throw new BadInputException(damaged.getMessage(), damaged);
        }
        if (db.isPresent()) return db;
        if (offline) return Optional.empty();
        throw new BadInputException("no advisory data in " + location.root() + ": run 'bulwark db update' first"
                + " (or pass --offline to scan without vulnerability data)");
    }

    private void writeSbom(DependencyScan scan, List<ScannedFile> modelFiles, Assessment assessment) throws IOException {
        var tool = VersionInfo.tool();
        Path first = paths.getFirst().toAbsolutePath().normalize();
        Path named = Files.isDirectory(first) ? first : first.getParent();
        var builder = new SbomBuilder(tool.name(), tool.version(),
                named == null || named.getFileName() == null ? "project" : named.getFileName().toString())
                .addManifests(scan.manifests());
        for (ScannedFile f : modelFiles) {
            if (f.status() == ScannedFile.Status.SKIPPED) continue;
            List<String> risks = f.issues().stream().map(ScanDepsCommand::risk).toList();
            builder.addModel(new ModelComponent(f.path().getFileName().toString(), f.path().toString(), f.sha256(),
                    f.formats().isEmpty() ? "" : f.formats().getLast(), "", risks));
        }
        builder.write(sbom);
        System.out.println("SBOM:   " + sbom.toAbsolutePath().normalize());
    }

    private static String risk(ModelIssue i) {
        return i.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + i.subject()
                + (i.entry().isEmpty() ? "" : " in " + i.entry()) + (i.offset() >= 0 ? " at offset " + i.offset() : "");
    }

    static void print(PrintStream out, DependencyScan scan, Assessment assessment, Path outDir, boolean haveData) {
        out.printf("Read %d manifest%s with %d dependencies%n", scan.manifests().size(), scan.manifests().size() == 1 ? "" : "s",
                scan.dependencyCount());
        if (!haveData) {
            out.println("  Vulnerabilities: NOT TESTED (no advisory data; run 'bulwark db update')");
        } else {
            scan.checkRuns().stream().filter(r -> r.check().equals(DepsFindings.VULNERABLE) && r.coverage() == Coverage.NOT_TESTED)
                    .forEach(r -> out.println("  Not tested: " + r.target() + " — " + r.note()));
        }
        scan.notes().forEach(n -> out.println("  Not verified: " + n));
        var counts = assessment.severityCounts();
        out.printf("  critical %d  high %d  medium %d  low %d  info %d%n", counts.get(Severity.CRITICAL),
                counts.get(Severity.HIGH), counts.get(Severity.MEDIUM), counts.get(Severity.LOW), counts.get(Severity.INFO));
        List<Finding> findings = assessment.findings();
        findings.stream().limit(12).forEach(f -> out.printf("  %-7s %-8s %s — %s%s%n", f.id(), f.severity().label(), f.title(),
                f.location().path(), f.location().line() == null ? "" : ":" + f.location().line()));
        if (findings.size() > 12) out.printf("  … and %d more%n", findings.size() - 12);
        out.println("Data:   " + outDir.resolve("findings.json").toAbsolutePath().normalize());
    }
}
