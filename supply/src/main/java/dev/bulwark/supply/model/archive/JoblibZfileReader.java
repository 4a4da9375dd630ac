package dev.bulwark.supply.model.archive;

import dev.bulwark.supply.model.Head;
import java.io.InputStream;
import java.util.List;
import java.util.zip.InflaterInputStream;

/**
 * joblib's old "Z-file" (joblib before 0.10, still loadable): "ZF", the uncompressed length as "0x…" hex padded with
 * spaces to 19 characters, then a zlib stream.
 */
public final class JoblibZfileReader extends CompressedStreamReader {
    private static final int HEADER = 2 + 19;

    @Override
    public String format() {
        return "joblib-zfile";
    }

    @Override
    public boolean recognizes(Head head) {
        if (!head.startsWith(0, "ZF0x")) return false;
        for (int i = 4; i < HEADER; i++) {
            int c = head.at(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == 'L';
            if (!hex && c != ' ') return false;
        }
        return ZlibReader.isZlibHeader(head, HEADER);
    }

    @Override
    protected int headerLength(Head head) {
        return HEADER;
    }

    @Override
    protected InputStream decompress(InputStream compressed) {
        return new InflaterInputStream(compressed, new java.util.zip.Inflater(), 1 << 13);
    }

    @Override
    protected List<String> suffixes() {
        return List.of(".z");
    }
}
