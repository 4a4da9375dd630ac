package dev.bulwark.supply.model.archive;

import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.FormatReader;
import dev.bulwark.supply.model.Head;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelClaims;
import dev.bulwark.supply.model.ModelInput;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ScanContext;
import dev.bulwark.supply.model.TailRecognizer;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Zip archives, including PyTorch checkpoints (any top-level folder), NumPy .npz and Keras .keras: every member is
 * scanned by its content. Tolerant where loaders are tolerant: bad CRCs, an "encrypted" flag on plain data, duplicate
 * names (each copy is scanned), data descriptors, and a corrupt or missing central directory (the local headers are
 * walked instead). Members that really are encrypted, or use a method we cannot decode, are reported not verified.
 */
public final class ZipReader implements FormatReader, TailRecognizer {
    /** PyTorch's raw tensor storages ("archive/data/0"): read by torch as bytes, never unpickled. */
    private static final Pattern STORAGE = Pattern.compile("(.*/)?data/\\d+");

    @Override
    public String format() {
        return "zip";
    }

    @Override
    public boolean recognizes(Head head) {
        // a local header, or an empty archive's end record
        return head.startsWith(0, new byte[] {'P', 'K', 3, 4}) || head.startsWith(0, new byte[] {'P', 'K', 5, 6})
                || head.startsWith(0, new byte[] {'P', 'K', 7, 8, 'P', 'K', 3, 4});
    }

    @Override
    public boolean recognizesTail(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return CentralDirectory.endRecord(channel) >= 0;
        }
    }

    @Override
    public void read(ModelInput input, Head head, ScanContext context) throws IOException {
        try (Spill spill = Spill.of(input, context.limits().maxExpandedBytes())) {
            Path zip = spill.path();
            List<ZipMember> members;
            try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
                members = locate(zip, channel, context);
            }
            scanMembers(zip, java.nio.file.Files.size(zip), members, context);
        }
    }

    /** The central directory's members plus any local entry it hides; the local walk alone when it is broken. */
    private static List<ZipMember> locate(Path zip, FileChannel channel, ScanContext context) throws IOException {
        var limits = context.limits();
        CentralDirectory.Listing listing;
        try {
            listing = CentralDirectory.read(zip, channel, limits.maxEntries());
        } catch (ZipFormatException broken) {
            LocalHeaders.Walk walk = LocalHeaders.walk(channel, limits.maxEntries(), limits.maxRatio());
            if (walk.stoppedBecause() != null || walk.members().isEmpty()) {
                context.report(notVerified("", "central directory unusable (" + broken.getMessage()
                        + ") and the local headers " + (walk.stoppedBecause() == null ? "hold no members"
                        : "could not all be read: " + walk.stoppedBecause())));
            }
            return walk.members();
        }
        if (listing.truncated()) {
            context.report(notVerified("", "more than " + limits.maxEntries() + " members; the rest were not read"));
        }
        var members = new ArrayList<>(listing.members());
        if (hasGaps(members, listing.directoryStart())) {
            // bytes the directory does not account for: a streaming reader would see entries a directory reader hides
            Set<Long> known = new HashSet<>();
            members.forEach(m -> known.add(m.headerOffset()));
            for (ZipMember m : LocalHeaders.walk(channel, limits.maxEntries(), limits.maxRatio()).members()) {
                if (!known.contains(m.headerOffset())) members.add(m);
            }
        }
        return members;
    }

    private static boolean hasGaps(List<ZipMember> members, long directoryStart) {
        var sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparingLong(ZipMember::headerOffset));
        for (int i = 0; i < sorted.size(); i++) {
            ZipMember m = sorted.get(i);
            long end = m.dataOffset() + m.compressed() + ((m.flags() & 0x8) != 0 ? 24 : 0);
            long next = i + 1 < sorted.size() ? sorted.get(i + 1).headerOffset() : directoryStart;
            if (next > end) return true;
        }
        return false;
    }

    private static void scanMembers(Path zip, long zipSize, List<ZipMember> members, ScanContext context)
            throws IOException {
        Set<String> torchRoots = new HashSet<>();
        for (ZipMember m : members) {
            if (m.name().equals("data.pkl") || m.name().endsWith("/data.pkl")) {
                torchRoots.add(m.name().substring(0, m.name().length() - "data.pkl".length()));
            }
        }
        if (!torchRoots.isEmpty()) context.declareFormat("pytorch-zip");
        for (ZipMember m : members) {
            if (m.directory() || isTorchStorage(m.name(), torchRoots)) continue;
            if (m.dataOffset() + m.compressed() > zipSize || m.dataOffset() + m.compressed() < 0) {
                context.report(notVerified(m.name(), "the member claims " + m.compressed()
                        + " compressed bytes but the archive ends first"));
                continue;
            }
            if (m.reallyEncrypted()) {
                // no model loader decrypts zip members; only a name claiming a model makes the gap worth more
                Severity severity = ModelClaims.claimsModel(m.name()) ? Severity.MEDIUM : Severity.LOW;
                context.report(new ModelIssue(IssueKind.NOT_VERIFIED, severity, m.name(), m.dataOffset(),
                        "encrypted member", "the member is encrypted; its content cannot be verified"));
                continue;
            }
            if (!ZipMethods.supported(m.method())) {
                context.report(notVerified(m.name(), "compression method " + m.method() + " is not supported"));
                continue;
            }
            context.scanNested(new MemberInput(m.name(), m.size(), () -> ZipMethods.open(zip, m, context)));
        }
    }

    private static boolean isTorchStorage(String name, Set<String> torchRoots) {
        if (!STORAGE.matcher(name).matches()) return false;
        String root = name.substring(0, name.lastIndexOf("data/"));
        return torchRoots.contains(root);
    }

    private static ModelIssue notVerified(String entry, String detail) {
        return new ModelIssue(IssueKind.NOT_VERIFIED, Severity.MEDIUM, entry, -1, "zip structure", detail);
    }
}
