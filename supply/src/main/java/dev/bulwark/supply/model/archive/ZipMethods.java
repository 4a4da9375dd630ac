package dev.bulwark.supply.model.archive;

import dev.bulwark.supply.model.ScanContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.deflate64.Deflate64CompressorInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Opens a zip member's data by compression method, never checking CRCs (a bad CRC must not hide a payload that a
 * lenient loader would still read). Everything but stored data goes through the {@link ExpansionGuard}.
 */
final class ZipMethods {
    private static final int DEFLATE64 = 9;
    private static final int BZIP2 = 12;
    private static final int XZ = 95;

    private ZipMethods() {
    }

    static boolean supported(int method) {
        return method == ZipMember.STORED || method == ZipMember.DEFLATED || method == DEFLATE64 || method == BZIP2
                || method == XZ;
    }

    static InputStream open(Path zip, ZipMember m, ScanContext context) throws IOException {
        InputStream raw = BoundedChannelStream.open(zip, m.dataOffset(), m.compressed());
        return switch (m.method()) {
            case ZipMember.STORED -> raw;
            // a raw inflater may want one byte past the data to notice the end (as java.util.zip.ZipFile feeds it)
            case ZipMember.DEFLATED -> ExpansionGuard.decode(
                    new SequenceInputStream(raw, new ByteArrayInputStream(new byte[1])),
                    EndingInflaterStream::new, context, m.name());
            case DEFLATE64 -> ExpansionGuard.decode(raw, Deflate64CompressorInputStream::new, context, m.name());
            case BZIP2 -> ExpansionGuard.decode(raw, BZip2CompressorInputStream::new, context, m.name());
            case XZ -> ExpansionGuard.decode(raw,
                    in -> new XZInputStream(in, CompressedStreamReader.MEMORY_LIMIT_KIB), context, m.name());
            default -> {
                raw.close();
                throw new IOException("compression method " + m.method() + " is not supported");
            }
        };
    }

    /** Frees the native inflater on close (InflaterInputStream does not when handed its own). */
    private static final class EndingInflaterStream extends InflaterInputStream {
        EndingInflaterStream(InputStream in) {
            super(in, new Inflater(true), 1 << 13);
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                inf.end();
            }
        }
    }
}
