package dev.bulwark.supply.model.archive;

import dev.bulwark.supply.model.FormatReader;
import dev.bulwark.supply.model.Head;
import dev.bulwark.supply.model.ModelInput;
import dev.bulwark.supply.model.ScanContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * A compression wrapper (gzip, bzip2, xz, lzma, zlib, lz4, joblib's Z-file): its one member, the decompressed
 * stream, is scanned by content, streaming, under the expansion guard. The member is named after the file without
 * its compression suffix ({@code model.pkl.gz} → {@code model.pkl}), so a name that claims a model keeps claiming it.
 */
public abstract class CompressedStreamReader implements FormatReader {
    /** Decoders that allocate a dictionary (xz, lzma) may ask for at most this much memory, in KiB. */
    static final int MEMORY_LIMIT_KIB = 48 * 1024;

    /** Opens the decompressor over the compressed bytes (after {@link #headerLength}). */
    protected abstract InputStream decompress(InputStream compressed) throws IOException;

    /** File-name suffixes this compression adds, lower case with the dot. */
    protected abstract List<String> suffixes();

    /** Bytes of a container header before the compressed stream starts. */
    protected int headerLength(Head head) {
        return 0;
    }

    @Override
    public final void read(ModelInput input, Head head, ScanContext context) throws IOException {
        String name = memberName(input.name());
        int skip = headerLength(head);
        context.scanNested(new MemberInput(name, -1, () -> {
            InputStream raw = input.open();
            try {
                raw.skipNBytes(skip);
            } catch (IOException e) {
                raw.close();
                throw e;
            }
            return ExpansionGuard.decode(raw, this::decompress, context, name);
        }));
    }

    String memberName(String outer) {
        String last = outer;
        for (String sep : List.of("!/", "/", "\\")) {
            int at = last.lastIndexOf(sep);
            if (at >= 0) last = last.substring(at + sep.length());
        }
        String lower = last.toLowerCase(Locale.ROOT);
        for (String suffix : suffixes()) {
            if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                return last.substring(0, last.length() - suffix.length());
            }
        }
        return last.isEmpty() ? "[" + format() + "]" : last;
    }
}
