package dev.bulwark.supply.model.archive;

import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.FormatReader;
import dev.bulwark.supply.model.Head;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelInput;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ScanContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;

/**
 * 7z archives: members are decompressed in order (solid blocks allow nothing else), each spilled to a temporary file
 * within the scan budget and scanned by content, then deleted. The decoder's memory is capped; encrypted archives and
 * larger dictionaries are reported not verified.
 */
public final class SevenZReader implements FormatReader {
    private static final byte[] MAGIC = {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C};

    @Override
    public String format() {
        return "7z";
    }

    @Override
    public boolean recognizes(Head head) {
        return head.startsWith(0, MAGIC);
    }

    @Override
    public void read(ModelInput input, Head head, ScanContext context) throws IOException {
        int max = context.limits().maxEntries();
        try (Spill archive = Spill.of(input, context.limits().maxExpandedBytes());
             FileChannel channel = FileChannel.open(archive.path(), StandardOpenOption.READ);
             SevenZFile sevenZ = SevenZFile.builder().setSeekableByteChannel(channel)
                     .setMaxMemoryLimitKiB(CompressedStreamReader.MEMORY_LIMIT_KIB).get()) {
            long compressedSize = channel.size();
            int count = 0;
            for (SevenZArchiveEntry entry; (entry = sevenZ.getNextEntry()) != null; ) {
                if (++count > max) {
                    context.report(new ModelIssue(IssueKind.NOT_VERIFIED, Severity.MEDIUM, "", -1, "7z structure",
                            "more than " + max + " members; the rest were not read"));
                    return;
                }
                if (entry.isDirectory() || !entry.hasStream()) continue;
                String name = entry.getName();
                // solid 7z has no per-member compressed size: judge the ratio against the whole archive
                InputStream guarded = ExpansionGuard.measured(new SevenZEntryStream(sevenZ), compressedSize, context,
                        name);
                try (Spill member = Spill.copy(guarded, context.limits().maxExpandedBytes())) {
                    context.scanNested(ModelInput.of(name, member.path()));
                }
            }
        }
    }

    /** The current entry's bytes, read through {@link SevenZFile#read}. */
    private static final class SevenZEntryStream extends InputStream {
        private final SevenZFile file;

        SevenZEntryStream(SevenZFile file) {
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            return file.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return file.read(b, off, len);
        }

        @Override
        public void close() {
            // the archive stays open for the next entry
        }
    }
}
