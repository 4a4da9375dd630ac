package dev.bulwark.supply.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelScannerTest {
    @TempDir
    Path dir;

    private final ModelScanner scanner = new ModelScanner(Scans.containersAndMarker(), ScanLimits.defaults());

    @Test
    void contentDecidesTheFormatAndTheNameOnlyDecidesWhetherUnknownContentMatters() throws IOException {
        Files.write(dir.resolve("notes.txt"), MarkerReader.payload("os.system")); // a model in disguise
        Files.writeString(dir.resolve("readme.md"), "# hello");                   // not a model: skipped
        Files.writeString(dir.resolve("weights.pt"), "\u0089PNG not a model");     // claims one: not verified
        List<ScannedFile> files = scanner.scan(List.of(dir));
        assertThat(files).hasSize(3);
        assertThat(byName(files, "notes.txt").issues()).singleElement()
                .satisfies(i -> assertThat(i.kind()).isEqualTo(IssueKind.DANGEROUS_CALL));
        assertThat(byName(files, "readme.md").status()).isEqualTo(ScannedFile.Status.SKIPPED);
        assertThat(byName(files, "readme.md").issues()).isEmpty();
        ScannedFile claimed = byName(files, "weights.pt");
        assertThat(claimed.status()).isEqualTo(ScannedFile.Status.SCANNED);
        assertThat(claimed.issues()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(IssueKind.NOT_VERIFIED);
            assertThat(i.detail()).contains("claims to be a model");
        });
    }

    @Test
    void everyFileGetsItsStreamedSha256AndSize() throws Exception {
        byte[] bytes = MarkerReader.payload("builtins.eval");
        Path file = Files.write(dir.resolve("m.bin"), bytes);
        ScannedFile f = scanner.scanFile(file);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(f.sha256()).isEqualTo(expected);
        assertThat(f.size()).isEqualTo(bytes.length);
        assertThat(f.formats()).containsExactly("marker");
    }

    @Test
    void aReaderThatThrowsFailsClosed() throws IOException {
        Path file = Files.writeString(dir.resolve("x.dat"), "BOOM");
        ScannedFile f = scanner.scanFile(file);
        assertThat(f.issues()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(IssueKind.NOT_VERIFIED);
            assertThat(i.detail()).contains("could not finish").contains("marker reader exploded");
        });
    }

    @Test
    void symbolicLinksOutOfTheTreeAreNotFollowed() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.write(outside.resolve("secret.pkl"), MarkerReader.payload("os.system"));
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.write(tree.resolve("inside.pkl"), MarkerReader.payload("builtins.eval"));
        Files.createSymbolicLink(tree.resolve("link-out.pkl"), outside.resolve("secret.pkl"));
        Files.createSymbolicLink(tree.resolve("link-in.pkl"), tree.resolve("inside.pkl"));
        List<ScannedFile> files = scanner.scan(List.of(tree));
        assertThat(files).extracting(f -> f.path().getFileName().toString()).containsExactly("inside.pkl");
    }

    @Test
    void aMissingPathIsAnErrorBeforeAnythingIsScanned() {
        assertThatThrownBy(() -> scanner.scan(List.of(dir.resolve("nope")))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void theInstalledReadersIncludeTheContainers() {
        assertThat(Readers.installed().formats()).contains("zip", "tar", "7z", "gzip", "bzip2", "xz", "lzma", "zlib",
                "joblib-zfile", "lz4");
    }

    @Test
    void modelClaimsFollowTheExtensionList() {
        assertThat(ModelClaims.claimsModel("a/b/model.SafeTensors")).isTrue();
        assertThat(ModelClaims.claimsModel("x.tar!/m.pkl")).isTrue();
        assertThat(ModelClaims.claimsModel("notes.txt")).isFalse();
        assertThat(ModelClaims.claimsModel("pkl")).isFalse();
        assertThat(new String(MarkerReader.payload("a"), StandardCharsets.US_ASCII)).startsWith("EVIL");
    }

    private static ScannedFile byName(List<ScannedFile> files, String name) {
        return files.stream().filter(f -> f.path().getFileName().toString().equals(name)).findFirst().orElseThrow();
    }
}
