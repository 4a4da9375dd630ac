package dev.bulwark.supply.model.archive;

import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.FormatReader;
import dev.bulwark.supply.model.Head;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelInput;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ScanContext;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Tar archives, including PyTorch's legacy tar checkpoints (members "sys_info", "pickle", "storages", "tensors"):
 * every regular member is scanned by content. Recognised by the ustar/GNU magic or, for old v7 archives, by a
 * header whose checksum adds up.
 */
public final class TarReader implements FormatReader {
    private static final int BLOCK = 512;

    @Override
    public String format() {
        return "tar";
    }

    @Override
    public boolean recognizes(Head head) {
        if (head.length() < BLOCK) return false;
        if (head.startsWith(257, "ustar")) return true;
        return head.at(0) != 0 && checksumMatches(head);
    }

    /** The v7 header checksum: the sum of the header's bytes with the checksum field counted as spaces. */
    private static boolean checksumMatches(Head head) {
        long stored = 0;
        boolean digits = false;
        for (int i = 148; i < 156; i++) {
            int c = head.at(i);
            if (c >= '0' && c <= '7') {
                stored = stored * 8 + (c - '0');
                digits = true;
            } else if (c != ' ' && c != 0) {
                return false;
            }
        }
        if (!digits) return false;
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) sum += (i >= 148 && i < 156) ? ' ' : head.at(i);
        return sum == stored;
    }

    @Override
    public void read(ModelInput input, Head head, ScanContext context) throws IOException {
        int max = context.limits().maxEntries();
        try (Spill spill = Spill.of(input, context.limits().maxExpandedBytes());
             FileChannel channel = FileChannel.open(spill.path(), StandardOpenOption.READ);
             TarFile tar = new TarFile(channel)) {
            int count = 0;
            for (TarArchiveEntry entry : tar.getEntries()) {
                if (++count > max) {
                    context.report(new ModelIssue(IssueKind.NOT_VERIFIED, Severity.MEDIUM, "", -1, "tar structure",
                            "more than " + max + " members; the rest were not read"));
                    return;
                }
                if (!entry.isFile()) continue;
                context.scanNested(new MemberInput(entry.getName(), entry.getSize(), () -> tar.getInputStream(entry)));
            }
        }
    }
}
