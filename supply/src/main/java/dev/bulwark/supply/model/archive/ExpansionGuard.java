package dev.bulwark.supply.model.archive;

import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ScanContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Decompresses with a leash: every byte produced is charged to the scan's expanded-bytes budget, and a stream that
 * expands more than {@link dev.bulwark.supply.model.ScanLimits#maxRatio()} times what it consumed is stopped (a
 * bomb announces itself long before it fills a disk). Tripping reports one not-verified issue to the container's
 * context (so the reason survives whatever the inner reader does with the exception) and throws.
 */
final class ExpansionGuard extends FilterInputStream {
    /** Below this much output the ratio is not judged: tiny members legitimately compress very well. */
    static final long RATIO_FLOOR = 1L << 20;

    private final LongSupplier compressed;
    private final ScanContext context;
    private final String entry;
    private long expanded;
    private boolean tripped;

    private ExpansionGuard(InputStream decoded, LongSupplier compressed, ScanContext context, String entry) {
        super(decoded);
        this.compressed = compressed;
        this.context = context;
        this.entry = entry;
    }

    /** {@code decoder} applied to {@code raw}, guarded. Closing the result closes {@code raw}. */
    static InputStream decode(InputStream raw, Decoder decoder, ScanContext context, String entry)
            throws IOException {
        var counting = new CountingInputStream(raw);
        try {
            return new ExpansionGuard(decoder.decode(counting), counting::count, context, entry);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Guards an already decoded stream whose compressed side cannot be counted (a member of a solid 7z block): the
     * ratio is judged against {@code compressedSize}, the whole container.
     */
    static InputStream measured(InputStream decoded, long compressedSize, ScanContext context, String entry) {
        return new ExpansionGuard(decoded, () -> compressedSize, context, entry);
    }

    /** Wraps a compressed stream in its decompressor (which may read a header right away). */
    @FunctionalInterface
    interface Decoder {
        InputStream decode(InputStream compressed) throws IOException;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (tripped) throw new ScanLimitException("decompression stopped at a scan limit");
        int n = super.read(b, off, len);
        if (n > 0) charge(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipping still decompresses: read through so the bytes are charged
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
        long left = n;
        while (left > 0) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, left));
            if (r < 0) break;
            left -= r;
        }
        return n - left;
    }

    private void charge(int n) throws IOException {
        expanded += n;
        long limitRatio = context.limits().maxRatio();
        if (!context.spend(n)) {
            trip("expands beyond the scan budget of " + context.limits().maxExpandedBytes() + " bytes");
        } else if (expanded > RATIO_FLOOR && expanded > limitRatio * Math.max(1, compressed.getAsLong())) {
            trip("expands more than " + limitRatio + " times its compressed size (decompression bomb)");
        }
    }

    private void trip(String why) throws ScanLimitException {
        tripped = true;
        context.report(new ModelIssue(IssueKind.NOT_VERIFIED, Severity.MEDIUM, entry, -1, "decompression limit",
                why + "; stopped after " + expanded + " bytes"));
        throw new ScanLimitException(why);
    }

    /** Counts bytes read from the compressed side. */
    static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            if (s > 0) count += s;
            return s;
        }
    }
}
