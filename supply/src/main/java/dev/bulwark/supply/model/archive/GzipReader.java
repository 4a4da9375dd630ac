package dev.bulwark.supply.model.archive;

import dev.bulwark.supply.model.Head;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** gzip (RFC 1952), also joblib's "gzip" compressor; concatenated members are read as one stream. */
public final class GzipReader extends CompressedStreamReader {
    @Override
    public String format() {
        return "gzip";
    }

    @Override
    public boolean recognizes(Head head) {
        return head.at(0) == 0x1F && head.at(1) == 0x8B && head.at(2) == 8;
    }

    @Override
    protected InputStream decompress(InputStream compressed) throws IOException {
        return new GZIPInputStream(compressed, 1 << 13);
    }

    @Override
    protected List<String> suffixes() {
        return List.of(".gz", ".gzip", ".tgz");
    }
}
