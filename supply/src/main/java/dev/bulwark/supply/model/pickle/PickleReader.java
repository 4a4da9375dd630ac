package dev.bulwark.supply.model.pickle;

import dev.bulwark.supply.model.FormatReader;
import dev.bulwark.supply.model.Head;
import dev.bulwark.supply.model.ModelInput;
import dev.bulwark.supply.model.ScanContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * Raw pickles of any protocol, dill and joblib files (also once the scanner has decompressed them) and legacy
 * PyTorch files (stacked pickles followed by storage bytes): every import is rated by the {@link PicklePolicy}.
 */
public final class PickleReader implements FormatReader {
    private final PicklePolicy policy;

    public PickleReader() {
        this(PicklePolicy.standard());
    }

    public PickleReader(PicklePolicy policy) {
        this.policy = policy;
    }

    @Override
    public String format() {
        return "pickle";
    }

    @Override
    public boolean recognizes(Head head) {
        return PickleStart.recognizes(head);
    }

    @Override
    public void read(ModelInput input, Head head, ScanContext context) throws IOException {
        PickleFindings findings = new PickleFindings(policy);
        try {
            if (input.file() != null && Files.isRegularFile(input.file())) {
                // a file is read with positional reads: skipping a tensor payload then costs no system call
                try (FileChannel channel = FileChannel.open(input.file(), StandardOpenOption.READ)) {
                    new PickleStreamScanner(context.limits(), findings).scan(channel);
                }
            } else {
                try (InputStream in = input.open()) {
                    new PickleStreamScanner(context.limits(), findings).scan(in);
                }
            }
        } finally {
            findings.reportTo(context); // what was found before an I/O failure still counts
        }
    }

    /**
     * Scans a pickle embedded in another format (a numpy object array) from {@code in}'s current position, reporting
     * to {@code context} with offsets relative to {@code baseOffset}.
     */
    public void readEmbedded(InputStream in, long baseOffset, ScanContext context) throws IOException {
        PickleFindings findings = new PickleFindings(policy);
        try {
            new PickleStreamScanner(context.limits(), findings).scan(in);
        } finally {
            findings.issues().forEach(i -> context.report(new dev.bulwark.supply.model.ModelIssue(i.kind(),
                    i.severity(), i.entry(), i.offset() < 0 ? -1 : i.offset() + baseOffset, i.subject(), i.detail())));
        }
    }
}
