package dev.bulwark.report;

import dev.bulwark.report.DiffResult.Item;
import dev.bulwark.report.DiffResult.SeverityChange;
import dev.bulwark.report.json.FindingsDocument;
import dev.bulwark.report.json.FindingsDocument.FindingEntry;
import dev.bulwark.report.json.JsonReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/** Compares two runs' {@code findings.json} by fingerprint ({@code bulwark report diff OLD NEW}). */
public final class RunDiff {
    private RunDiff() {
    }

    /**
     * @param oldRun a findings.json, or a report folder holding one
     * @param newRun the same for the later run
     * @throws FindingsFileException when either file is missing or not a valid findings v1 file
     */
    public static DiffResult diff(Path oldRun, Path newRun) throws FindingsFileException {
        Path oldFile = resolve(oldRun);
        Path newFile = resolve(newRun);
        return diff(oldFile.toString(), FindingsJson.read(oldFile), newFile.toString(), FindingsJson.read(newFile));
    }

    public static DiffResult diff(String oldName, FindingsDocument oldDoc, String newName, FindingsDocument newDoc) {
        Map<String, FindingEntry> before = byFingerprint(oldDoc);
        Map<String, FindingEntry> after = byFingerprint(newDoc);
        var fixed = new ArrayList<Item>();
        var added = new ArrayList<Item>();
        var unchanged = new ArrayList<Item>();
        var changed = new ArrayList<SeverityChange>();
        for (FindingEntry f : before.values()) {
            if (!after.containsKey(f.fingerprint())) fixed.add(item(f));
        }
        for (FindingEntry f : after.values()) {
            FindingEntry old = before.get(f.fingerprint());
            if (old == null) {
                added.add(item(f));
            } else {
                unchanged.add(item(f));
                if (old.severity() != f.severity()) {
                    changed.add(new SeverityChange(f.fingerprint(), f.id(), f.title(), old.severity(), f.severity()));
                }
            }
        }
        return new DiffResult(oldName, newName, fixed, added, unchanged, changed);
    }

    /** A folder means the findings.json inside it. */
    static Path resolve(Path run) {
        return Files.isDirectory(run) ? run.resolve(JsonReportWriter.FILE_NAME) : run;
    }

    private static Map<String, FindingEntry> byFingerprint(FindingsDocument doc) {
        var map = new LinkedHashMap<String, FindingEntry>();
        for (FindingEntry f : doc.findings()) map.putIfAbsent(f.fingerprint(), f);
        return map;
    }

    private static Item item(FindingEntry f) {
        return new Item(f.fingerprint(), f.id(), f.check(), f.severity(), f.target(), f.title());
    }
}
