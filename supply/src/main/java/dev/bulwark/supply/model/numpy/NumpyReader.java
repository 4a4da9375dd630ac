package dev.bulwark.supply.model.numpy;

import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.FormatReader;
import dev.bulwark.supply.model.Head;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelInput;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ScanContext;
import dev.bulwark.supply.model.pickle.PickleReader;
import java.io.IOException;
import java.io.InputStream;

/**
 * numpy {@code .npy} arrays (and, through the scanner's zip handling, each member of an {@code .npz}). Numeric
 * arrays are plain bytes; an array of Python objects is stored as a pickle after the header, which
 * {@code numpy.load(allow_pickle=True)} unpickles, so that pickle is scanned like any other.
 */
public final class NumpyReader implements FormatReader {
    private final PickleReader pickles;

    public NumpyReader() {
        this(new PickleReader());
    }

    public NumpyReader(PickleReader pickles) {
        this.pickles = pickles;
    }

    @Override
    public String format() {
        return "numpy";
    }

    @Override
    public boolean recognizes(Head head) {
        return head.startsWith(0, NpyHeader.MAGIC);
    }

    @Override
    public void read(ModelInput input, Head head, ScanContext context) throws IOException {
        try (InputStream in = input.open()) {
            NpyHeader header;
            try {
                header = NpyHeader.read(in, context.limits().maxHeaderBytes());
            } catch (NpyHeader.Malformed e) {
                context.report(new ModelIssue(IssueKind.NOT_VERIFIED, Severity.MEDIUM, "", 0, "npy header",
                        "The .npy file could not be verified: " + e.getMessage() + "."));
                return;
            }
            if (header.holdsObjects()) pickles.readEmbedded(in, header.dataOffset(), context);
        }
    }
}
