package dev.bulwark.supply.model.archive;

import static dev.bulwark.supply.model.Scans.dangerous;
import static dev.bulwark.supply.model.Scans.notVerified;
import static dev.bulwark.supply.model.Scans.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.MarkerReader;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ScannedFile;
import dev.bulwark.supply.model.archive.TestZip.Entry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipReaderTest {
    private static final byte[] EVIL = MarkerReader.payload("builtins.eval");

    @TempDir
    Path dir;

    @Test
    void storedAndDeflatedMembersAreScannedByContentWhateverTheirNames() {
        byte[] zip = new TestZip().stored("model/data.txt", EVIL).deflated("weights/x.bin", MarkerReader.payload("os.system"))
                .bytes();
        ScannedFile f = scan(dir, "m.zip", zip);
        assertThat(dangerous(f)).containsExactlyInAnyOrder("model/data.txt#builtins.eval", "weights/x.bin#os.system");
        assertThat(f.formats()).startsWith("zip");
        assertThat(notVerified(f)).isEmpty();
    }

    @Test
    void everyCopyOfADuplicateNameIsScanned() {
        byte[] zip = new TestZip().stored("archive/data.pkl", "harmless".getBytes(StandardCharsets.US_ASCII))
                .stored("archive/data.pkl", EVIL).bytes();
        assertThat(dangerous(scan(dir, "dup.pt", zip))).containsExactly("archive/data.pkl#builtins.eval");
    }

    @Test
    void anEncryptionFlagOnPlainDataDoesNotHideIt() {
        // picklescan bypasses CVE-2025-1944/1945: flag bit 0 (and 0x40) set on unencrypted data that loaders read
        for (int flag : new int[] {0x1, 0x20, 0x40, 0x41}) {
            byte[] zip = new TestZip().add(new Entry("model/config.pkl", EVIL, false, flag, false, false, false, null))
                    .bytes();
            assertThat(dangerous(scan(dir, "flag" + flag + ".zip", zip))).as("flag %x", flag)
                    .containsExactly("model/config.pkl#builtins.eval");
        }
    }

    @Test
    void reallyEncryptedMembersAreNotVerifiedAndRatedByWhatTheirNameClaims() {
        byte[] cipher = new byte[EVIL.length + 12];
        Arrays.fill(cipher, (byte) 0x9C);
        byte[] zip = new TestZip()
                .add(new Entry("notes.txt", EVIL, false, 0x1, false, false, false, cipher))
                .add(new Entry("archive/data.pkl", EVIL, false, 0x1, false, false, false, cipher)).bytes();
        ScannedFile f = scan(dir, "locked.zip", zip);
        assertThat(dangerous(f)).isEmpty();
        assertThat(notVerified(f)).extracting(ModelIssue::entry, ModelIssue::severity)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("notes.txt", Severity.LOW),
                        org.assertj.core.groups.Tuple.tuple("archive/data.pkl", Severity.MEDIUM));
    }

    @Test
    void badCrcsAreIgnoredLikeLenientLoadersDo() {
        byte[] zip = new TestZip().add(new Entry("data.pkl", EVIL, true, 0, true, false, false, null)).bytes();
        assertThat(dangerous(scan(dir, "crc.zip", zip))).containsExactly("data.pkl#builtins.eval");
    }

    @Test
    void aCorruptOrMissingCentralDirectoryFallsBackToTheLocalHeaders() {
        byte[] corrupt = new TestZip().stored("ok.txt", "x".getBytes(StandardCharsets.US_ASCII)).stored("data.pkl", EVIL)
                .corruptDirectory().bytes();
        assertThat(dangerous(scan(dir, "cd.zip", corrupt))).containsExactly("data.pkl#builtins.eval");
        byte[] missing = new TestZip().deflated("data.pkl", EVIL).withoutDirectory().bytes();
        ScannedFile f = scan(dir, "nocd.zip", missing);
        assertThat(dangerous(f)).containsExactly("data.pkl#builtins.eval");
        assertThat(notVerified(f)).isEmpty();
    }

    @Test
    void dataDescriptorsWithoutSizesAreDelimitedOnTheLocalWalk() {
        byte[] zip = new TestZip()
                .add(new Entry("a/data.pkl", EVIL, true, 0, false, true, false, null))
                .add(new Entry("b/data.pkl", MarkerReader.payload("os.system"), false, 0, false, true, false, null))
                .add(new Entry("c.txt", MarkerReader.payload("posix.system"), false, 0, false, false, false, null))
                .withoutDirectory().bytes();
        assertThat(dangerous(scan(dir, "dd.zip", zip))).containsExactly("a/data.pkl#builtins.eval",
                "b/data.pkl#os.system", "c.txt#posix.system");
    }

    @Test
    void entriesHiddenFromTheCentralDirectoryAreScannedToo() {
        byte[] zip = new TestZip().stored("visible.txt", "fine".getBytes(StandardCharsets.US_ASCII))
                .add(new Entry("hidden.pkl", EVIL, false, 0, false, false, true, null)).bytes();
        assertThat(dangerous(scan(dir, "hidden.zip", zip))).containsExactly("hidden.pkl#builtins.eval");
    }

    @Test
    void prefixedDataBeforeTheArchiveIsAllowedFor() {
        byte[] zip = new TestZip().prefix("#!/bin/sh\nexit 0\n".getBytes(StandardCharsets.US_ASCII)).stored("data.pkl", EVIL)
                .bytes();
        assertThat(dangerous(scan(dir, "sfx.bin", zip))).containsExactly("data.pkl#builtins.eval");
    }

    @Test
    void aPytorchZipIsNamedAndItsRawStoragesAreNotReadAsCode() {
        byte[] zip = new TestZip().stored("my_model/data.pkl", EVIL).stored("my_model/data/0", MarkerReader.payload("x.y"))
                .stored("my_model/version", "3\n".getBytes(StandardCharsets.US_ASCII)).bytes();
        ScannedFile f = scan(dir, "model.pt", zip);
        assertThat(f.formats()).containsSubsequence("zip", "pytorch-zip");
        assertThat(dangerous(f)).containsExactly("my_model/data.pkl#builtins.eval");
    }

    @Test
    void nestedArchivesKeepTheEntryChain() {
        byte[] inner = new TestZip().deflated("archive/data.pkl", EVIL).bytes();
        byte[] outer = new TestZip().deflated("models/inner.pt", inner).bytes();
        assertThat(dangerous(scan(dir, "outer.zip", outer)))
                .containsExactly("models/inner.pt!/archive/data.pkl#builtins.eval");
    }

    @Test
    void nestingBeyondTheDepthLimitIsNotVerified() {
        byte[] zip = new TestZip().stored("data.pkl", EVIL).bytes();
        for (int i = 0; i < 6; i++) zip = new TestZip().stored("level" + i + ".zip", zip).bytes();
        ScannedFile f = scan(dir, "deep.zip", zip);
        assertThat(dangerous(f)).isEmpty();
        assertThat(notVerified(f)).singleElement().satisfies(i -> assertThat(i.detail()).contains("nested deeper"));
    }

    @Test
    void aMemberClaimingMoreBytesThanTheArchiveHoldsIsNotVerified() {
        byte[] zip = new TestZip().stored("data.pkl", EVIL).bytes();
        // the central directory claims 4 GB of compressed data for the one small entry
        int cd = indexOf(zip, new byte[] {'P', 'K', 1, 2});
        zip[cd + 20] = 0;
        zip[cd + 21] = 0;
        zip[cd + 22] = 0;
        zip[cd + 23] = (byte) 0xF0;
        ScannedFile f = scan(dir, "tera.zip", zip);
        assertThat(notVerified(f)).isNotEmpty();
        assertThat(notVerified(f).get(0).detail()).contains("archive ends first");
    }

    @Test
    void garbageAfterTheSignatureIsNotVerifiedNotSilent() {
        byte[] junk = "PK\u0003\u0004 then nothing a zip should hold".getBytes(StandardCharsets.ISO_8859_1);
        ScannedFile f = scan(dir, "junk.zip", junk);
        assertThat(notVerified(f)).isNotEmpty();
    }

    @Test
    void aMemberReaderThatThrowsBecomesNotVerified() {
        byte[] zip = new TestZip().stored("data.pkl", "BOOM".getBytes(StandardCharsets.US_ASCII)).bytes();
        ScannedFile f = scan(dir, "boom.zip", zip);
        assertThat(notVerified(f)).singleElement().satisfies(i -> {
            assertThat(i.entry()).isEqualTo("data.pkl");
            assertThat(i.detail()).contains("marker reader exploded");
        });
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
