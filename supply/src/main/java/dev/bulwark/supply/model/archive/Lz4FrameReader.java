package dev.bulwark.supply.model.archive;

import dev.bulwark.supply.model.Head;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import net.jpountz.lz4.LZ4FrameInputStream;

/** The LZ4 frame format, joblib's "lz4" compressor (magic 0x184D2204, little-endian). */
public final class Lz4FrameReader extends CompressedStreamReader {
    private static final byte[] MAGIC = {0x04, 0x22, 0x4D, 0x18};

    @Override
    public String format() {
        return "lz4";
    }

    @Override
    public boolean recognizes(Head head) {
        return head.startsWith(0, MAGIC);
    }

    @Override
    protected InputStream decompress(InputStream compressed) throws IOException {
        return new LZ4FrameInputStream(compressed);
    }

    @Override
    protected List<String> suffixes() {
        return List.of(".lz4");
    }
}
