package dev.bulwark.supply.model.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.supply.model.ModelScanner;
import dev.bulwark.supply.model.Readers;
import dev.bulwark.supply.model.ScanLimits;
import dev.bulwark.supply.model.ScannedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A benign torch-like zip streams through the installed readers without findings (the 256 MiB run is in docs). */
class TorchZipFixtureTest {
    @TempDir
    Path dir;

    @Test
    void aBenignTorchZipWithStoredStoragesHasNoFindings() throws IOException {
        Path pt = TorchZipFixture.write(dir.resolve("model.pt"), 40L << 20);
        ScannedFile f = new ModelScanner(Readers.installed(), ScanLimits.defaults()).scanFile(pt);
        assertThat(f.formats()).containsSubsequence("zip", "pytorch-zip");
        assertThat(f.issues()).isEmpty();
        assertThat(f.size()).isEqualTo(Files.size(pt));
        assertThat(f.sha256()).hasSize(64);
    }
}
