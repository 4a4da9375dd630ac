package dev.bulwark.supply.model.archive;

import dev.bulwark.supply.model.Head;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/** bzip2, also joblib's "bz2" compressor: "BZh", a block size digit, then a block or end-of-stream magic. */
public final class Bzip2Reader extends CompressedStreamReader {
    private static final byte[] BLOCK = {0x31, 0x41, 0x59, 0x26, 0x53, 0x59};
    private static final byte[] END = {0x17, 0x72, 0x45, 0x38, 0x50, (byte) 0x90};

    @Override
    public String format() {
        return "bzip2";
    }

    @Override
    public boolean recognizes(Head head) {
        return head.startsWith(0, "BZh") && head.at(3) >= '1' && head.at(3) <= '9'
                && (head.startsWith(4, BLOCK) || head.startsWith(4, END));
    }

    @Override
    protected InputStream decompress(InputStream compressed) throws IOException {
        return new BZip2CompressorInputStream(compressed, true);
    }

    @Override
    protected List<String> suffixes() {
        return List.of(".bz2", ".bzip2", ".tbz2");
    }
}
