package dev.bulwark.supply.model.formats;

import dev.bulwark.supply.model.FormatReader;
import dev.bulwark.supply.model.Head;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelInput;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ScanContext;
import dev.bulwark.supply.model.ScanLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs a reader over bytes the way the model scanner would, collecting what it reports. */
final class Scans {
    private Scans() {
    }

    static List<ModelIssue> scan(FormatReader reader, byte[] bytes) throws IOException {
        return scan(reader, input(bytes, bytes.length), ScanLimits.defaults());
    }

    static List<ModelIssue> scan(FormatReader reader, ModelInput input, ScanLimits limits) throws IOException {
        Recorder recorder = new Recorder(limits);
        reader.read(input, head(input), recorder);
        return recorder.issues;
    }

    static Head head(ModelInput input) throws IOException {
        try (InputStream in = input.open()) {
            byte[] head = in.readNBytes(Head.SIZE);
            return new Head(head, input.size());
        }
    }

    static Head head(byte[] bytes) {
        return new Head(Arrays.copyOf(bytes, Math.min(bytes.length, Head.SIZE)), bytes.length);
    }

    /** In-memory input; {@code size} -1 plays a streamed archive member of unknown length. */
    static ModelInput input(byte[] bytes, long size) {
        return new ModelInput() {
            @Override
            public String name() {
                return "sample";
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    static List<IssueKind> kinds(List<ModelIssue> issues) {
        return issues.stream().map(ModelIssue::kind).toList();
    }

    /** A scan context that records issues; nested scans are not expected from these readers. */
    static final class Recorder implements ScanContext {
        final List<ModelIssue> issues = new ArrayList<>();
        private final ScanLimits limits;

        Recorder(ScanLimits limits) {
            this.limits = limits;
        }

        @Override
        public void report(ModelIssue issue) {
            issues.add(issue);
        }

        @Override
        public void scanNested(ModelInput member) {
            throw new AssertionError("format readers never hand members back");
        }

        @Override
        public ScanLimits limits() {
            return limits;
        }

        @Override
        public boolean spend(long expandedBytes) {
            return true;
        }
    }
}
