package dev.bulwark.supply.model.archive;

import dev.bulwark.supply.model.Head;
import java.io.InputStream;
import java.util.List;
import java.util.zip.InflaterInputStream;

/**
 * A zlib stream (RFC 1950), joblib's default "zlib" compressor: deflate with a 32 KiB window, a header whose 16-bit
 * value is a multiple of 31, and no preset dictionary.
 */
public final class ZlibReader extends CompressedStreamReader {
    @Override
    public String format() {
        return "zlib";
    }

    @Override
    public boolean recognizes(Head head) {
        return isZlibHeader(head, 0);
    }

    static boolean isZlibHeader(Head head, int offset) {
        int cmf = head.at(offset);
        int flg = head.at(offset + 1);
        return cmf == 0x78 && flg >= 0 && ((cmf << 8) | flg) % 31 == 0 && (flg & 0x20) == 0;
    }

    @Override
    protected InputStream decompress(InputStream compressed) {
        return new InflaterInputStream(compressed, new java.util.zip.Inflater(), 1 << 13);
    }

    @Override
    protected List<String> suffixes() {
        return List.of(".zlib", ".z");
    }
}
