package dev.bulwark.supply.model.archive;

import dev.bulwark.supply.model.Head;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.tukaani.xz.LZMAInputStream;

/**
 * The legacy ".lzma" (LZMA-alone) format, joblib's "lzma" compressor: properties byte 0x5D, a dictionary size, and
 * the uncompressed size (or -1). Python's lzma writes exactly that header; checking the sizes keeps a protocol-1
 * pickle that starts with EMPTY_LIST (also 0x5D) from being mistaken for it.
 */
public final class LzmaReader extends CompressedStreamReader {
    @Override
    public String format() {
        return "lzma";
    }

    @Override
    public boolean recognizes(Head head) {
        if (head.at(0) != 0x5D || head.at(1) != 0x00 || head.length() < 13) return false;
        long dict = head.at(1) | (long) head.at(2) << 8 | (long) head.at(3) << 16 | (long) head.at(4) << 24;
        long size = head.u64le(5);
        return dict >= 4096 && (size == -1 || (size >= 0 && size < (1L << 50)));
    }

    @Override
    protected InputStream decompress(InputStream compressed) throws IOException {
        return new LZMAInputStream(compressed, MEMORY_LIMIT_KIB);
    }

    @Override
    protected List<String> suffixes() {
        return List.of(".lzma");
    }
}
