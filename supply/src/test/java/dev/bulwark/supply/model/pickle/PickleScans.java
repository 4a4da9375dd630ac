package dev.bulwark.supply.model.pickle;

import dev.bulwark.core.Severity;
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
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs a reader over bytes in memory and collects what it reports. */
public final class PickleScans {
    private PickleScans() {
    }

    /** A context that records issues; nested scans are not expected from these readers. */
    public static final class Recording implements ScanContext {
        private final ScanLimits limits;
        public final List<ModelIssue> issues = new ArrayList<>();

        public Recording(ScanLimits limits) {
            this.limits = limits;
        }

        @Override
        public void report(ModelIssue issue) {
            issues.add(issue);
        }

        @Override
        public void scanNested(ModelInput member) {
            throw new AssertionError("pickle and numpy readers hand nothing back");
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

    public static ModelInput input(String name, byte[] bytes) {
        return new ModelInput() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    public static Head head(byte[] bytes) {
        return new Head(Arrays.copyOf(bytes, Math.min(bytes.length, Head.SIZE)), bytes.length);
    }

    public static List<ModelIssue> read(FormatReader reader, byte[] bytes, ScanLimits limits) {
        Recording context = new Recording(limits);
        try {
            reader.read(input("test", bytes), head(bytes), context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return context.issues;
    }

    public static List<ModelIssue> pickle(byte[] bytes) {
        return read(new PickleReader(), bytes, ScanLimits.defaults());
    }

    public static boolean anyAtLeast(List<ModelIssue> issues, Severity severity) {
        return issues.stream().anyMatch(i -> i.kind() != IssueKind.NOT_VERIFIED && i.severity().atLeast(severity));
    }
}
