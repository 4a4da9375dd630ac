package dev.bulwark.supply.model;

import dev.bulwark.core.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in format for container tests: content starting with "EVIL" is a "dangerous call" named by the rest of its
 * first line, found at the offset of the line. It reads its whole input (so streaming and limits are exercised), and
 * content starting with "BOOM" makes it throw (to test fail-closed handling).
 */
public final class MarkerReader implements FormatReader {
    public static final String MAGIC = "EVIL";

    public static byte[] payload(String callable) {
        return (MAGIC + " " + callable + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String format() {
        return "marker";
    }

    @Override
    public boolean recognizes(Head head) {
        return head.startsWith(0, MAGIC) || head.startsWith(0, "BOOM");
    }

    @Override
    public void read(ModelInput input, Head head, ScanContext context) throws IOException {
        if (head.startsWith(0, "BOOM")) throw new IllegalStateException("marker reader exploded");
        var line = new StringBuilder();
        try (InputStream in = input.open()) {
            in.skipNBytes(MAGIC.length() + 1);
            for (int c; (c = in.read()) >= 0 && c != '\n' && line.length() < 200; ) line.append((char) c);
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
                // drain: a real reader walks the whole stream
            }
        }
        context.report(new ModelIssue(IssueKind.DANGEROUS_CALL, Severity.CRITICAL, "", MAGIC.length() + 1,
                line.toString(), "marker payload"));
    }
}
