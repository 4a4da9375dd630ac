package dev.bulwark.supply.model.formats;

import dev.bulwark.supply.model.FormatReader;
import dev.bulwark.supply.model.Head;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelInput;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ScanContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;

/**
 * GGUF (llama.cpp): magic, version 1–3, tensor and metadata counts, metadata key/value pairs, tensor infos, then
 * aligned tensor data that is never read. Counts are checked against what the remaining bytes could hold before
 * any loop runs, every string and array against the metadata budget ({@code maxHeaderBytes}). Chat templates
 * (keys containing {@code chat_template}) go to {@link ChatTemplateInspector}. Both byte orders are accepted: the
 * magic reads the same either way, the version tells them apart.
 */
public final class GgufReader implements FormatReader {
    static final String FORMAT = "gguf";
    private static final int MAX_KEY_BYTES = 65_535;
    private static final int MAX_TEMPLATE_BYTES = 1 << 20;
    private static final int MAX_ARRAY_NESTING = 4;
    private static final int MAX_DIMS = 8;
    private static final long DEFAULT_ALIGNMENT = 32;

    private final ChatTemplateInspector inspector = new ChatTemplateInspector();

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognizes(Head head) {
        return head.startsWith(0, "GGUF") && byteOrder(head) != null;
    }

    /** The byte order in which the version reads 1–3, or null for neither. */
    private static ByteOrder byteOrder(Head head) {
        if (head.length() < 8) return null;
        long little = 0;
        long big = 0;
        for (int i = 0; i < 4; i++) {
            little |= (long) head.at(4 + i) << (8 * i);
            big = (big << 8) | head.at(4 + i);
        }
        if (little >= 1 && little <= 3) return ByteOrder.LITTLE_ENDIAN;
        if (big >= 1 && big <= 3) return ByteOrder.BIG_ENDIAN;
        return null;
    }

    @Override
    public void read(ModelInput input, Head head, ScanContext context) throws IOException {
        ByteOrder order = byteOrder(head);
        if (order == null) {
            context.report(Issues.notVerified(FORMAT, 4, "unsupported GGUF version"));
            return;
        }
        long size = input.size() >= 0 ? input.size() : -1;
        try (InputStream in = input.open()) {
            new Parse(new BinaryInput(in), order, size, context).run();
        } catch (MalformedModelException e) {
            context.report(Issues.notVerified(FORMAT, e));
        }
    }

    /** One pass over one file's header. */
    private final class Parse {
        private final BinaryInput in;
        private final long size;
        private final long budget;
        private final ScanContext context;
        private int version;
        private long alignment = DEFAULT_ALIGNMENT;

        Parse(BinaryInput in, ByteOrder order, long size, ScanContext context) {
            this.in = in;
            this.size = size;
            this.context = context;
            in.order(order);
            long limit = context.limits().maxHeaderBytes();
            this.budget = size >= 0 ? Math.min(limit, size) : limit;
        }

        void run() throws IOException, MalformedModelException {
            in.skip(4);
            version = (int) in.u32();
            long tensorCount = count(8 + 4 + 8 + 4 + 8, "tensors");
            long kvCount = count(4 + 4 + 4 + 1, "metadata entries");
            for (long i = 0; i < kvCount; i++) readEntry();
            long maxEnd = 0;
            for (long i = 0; i < tensorCount; i++) maxEnd = Math.max(maxEnd, readTensorInfo());
            long dataStart = (in.position() + alignment - 1) / alignment * alignment;
            if (tensorCount > 0 && size >= 0 && dataStart + maxEnd > size) {
                throw new MalformedModelException("tensor data reaches byte " + (dataStart + maxEnd) + " of a "
                        + size + "-byte file", in.position());
            }
        }

        /** A count (u32 in version 1, u64 after), refused when the bytes left could not hold that many items. */
        private long count(int minItemBytes, String what) throws IOException, MalformedModelException {
            long at = in.position();
            long n = version == 1 ? in.u32() : in.u64();
            long room = budget - in.position();
            if (n < 0 || n > room / minItemBytes) {
                throw new MalformedModelException("claims " + Long.toUnsignedString(n) + " " + what
                        + ", more than the header's " + room + " bytes could hold", at);
            }
            return n;
        }

        private long length(String what) throws IOException, MalformedModelException {
            long at = in.position();
            long n = version == 1 ? in.u32() : in.u64();
            if (n < 0 || n > budget - in.position()) {
                throw new MalformedModelException(what + " of " + Long.toUnsignedString(n) + " bytes runs past the "
                        + budget + "-byte metadata limit", at);
            }
            return n;
        }

        private void readEntry() throws IOException, MalformedModelException {
            long keyLength = length("metadata key");
            if (keyLength > MAX_KEY_BYTES) {
                throw new MalformedModelException("metadata key of " + keyLength + " bytes", in.position());
            }
            String key = in.utf8((int) keyLength);
            long typeAt = in.position();
            GgufValueType type = GgufValueType.byCode(in.u32(), typeAt);
            if (type == GgufValueType.STRING && key.contains("chat_template")) {
                inspectTemplate(key);
            } else if (key.equals("general.alignment") && type == GgufValueType.UINT32) {
                alignment = in.u32();
                if (alignment == 0 || Long.bitCount(alignment) != 1) {
                    throw new MalformedModelException("general.alignment " + alignment + " is not a power of two", typeAt);
                }
            } else {
                skipValue(type, 0);
            }
        }

        private void skipValue(GgufValueType type, int nesting) throws IOException, MalformedModelException {
            switch (type) {
                case STRING -> in.skip(length("string"));
                case ARRAY -> {
                    if (nesting >= MAX_ARRAY_NESTING) {
                        throw new MalformedModelException("arrays nested deeper than " + MAX_ARRAY_NESTING, in.position());
                    }
                    GgufValueType element = GgufValueType.byCode(in.u32(), in.position() - 4);
                    int minElementBytes = element.width() > 0 ? element.width() : version == 1 ? 4 : 8;
                    long n = count(minElementBytes, "array elements");
                    if (element.width() > 0) {
                        in.skip(n * element.width());
                    } else {
                        for (long i = 0; i < n; i++) skipValue(element, nesting + 1);
                    }
                }
                default -> in.skip(type.width());
            }
            if (in.position() > budget) {
                throw new MalformedModelException("metadata runs past the " + budget + "-byte limit", in.position());
            }
        }

        private void inspectTemplate(String key) throws IOException, MalformedModelException {
            long n = length("chat template");
            long valueAt = in.position();
            if (n > MAX_TEMPLATE_BYTES) {
                context.report(new ModelIssue(IssueKind.NOT_VERIFIED, dev.bulwark.core.Severity.MEDIUM, "", valueAt, key,
                        "Chat template of " + n + " bytes is too large to inspect; it was not checked for Jinja"
                                + " sandbox escapes."));
                in.skip(n);
                return;
            }
            String template = in.utf8((int) n);
            for (ChatTemplateInspector.Match m : inspector.inspect(template)) {
                context.report(new ModelIssue(IssueKind.TEMPLATE_INJECTION, m.severity(), "", valueAt, key,
                        "Chat template " + m.construct() + " (`" + m.evidence() + "`): rendering it with Jinja can run "
                                + "code (CVE-2024-34359 style); do not load this model with an unsandboxed template engine."));
            }
        }

        /** Reads one tensor info and returns the end of its data relative to the data section (a lower bound). */
        private long readTensorInfo() throws IOException, MalformedModelException {
            long at = in.position();
            long nameLength = length("tensor name");
            if (nameLength > MAX_KEY_BYTES) throw new MalformedModelException("tensor name of " + nameLength + " bytes", at);
            in.skip(nameLength);
            long dims = in.u32();
            if (dims > MAX_DIMS) throw new MalformedModelException("tensor with " + dims + " dimensions", at);
            for (long d = 0; d < dims; d++) {
                if (in.u64() < 0) throw new MalformedModelException("tensor dimension out of range", in.position() - 8);
            }
            long type = in.u32();
            if (type > 1024) throw new MalformedModelException("unknown tensor type " + type, in.position() - 4);
            long offset = in.u64();
            if (offset < 0 || offset % alignment != 0) {
                throw new MalformedModelException("tensor data offset " + Long.toUnsignedString(offset)
                        + " is not a multiple of the " + alignment + "-byte alignment", in.position() - 8);
            }
            if (in.position() > budget) {
                throw new MalformedModelException("tensor infos run past the " + budget + "-byte limit", in.position());
            }
            return offset;
        }
    }
}
