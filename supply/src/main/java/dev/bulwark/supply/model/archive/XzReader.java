package dev.bulwark.supply.model.archive;

import dev.bulwark.supply.model.Head;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.tukaani.xz.XZInputStream;

/** xz, also joblib's "xz" compressor; the decoder's dictionary is capped (a larger one is not verified). */
public final class XzReader extends CompressedStreamReader {
    private static final byte[] MAGIC = {(byte) 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00};

    @Override
    public String format() {
        return "xz";
    }

    @Override
    public boolean recognizes(Head head) {
        return head.startsWith(0, MAGIC);
    }

    @Override
    protected InputStream decompress(InputStream compressed) throws IOException {
        return new XZInputStream(compressed, MEMORY_LIMIT_KIB);
    }

    @Override
    protected List<String> suffixes() {
        return List.of(".xz", ".txz");
    }
}
