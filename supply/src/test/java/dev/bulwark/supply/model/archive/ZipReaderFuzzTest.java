package dev.bulwark.supply.model.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.supply.model.MarkerReader;
import dev.bulwark.supply.model.ModelScanner;
import dev.bulwark.supply.model.Readers;
import dev.bulwark.supply.model.ScanLimits;
import dev.bulwark.supply.model.ScannedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whatever bytes a zip holds, the zip reader ends in findings (never an exception, hang or out-of-memory), within
 * small limits. In a normal build Jazzer replays the seeds in ZipReaderFuzzTestInputs/ (and
 * {@link ZipReaderProperties} mutations of them); {@code bench/fuzz.sh} fuzzes it for a bounded time.
 */
class ZipReaderFuzzTest {
    static final ScanLimits SMALL = new ScanLimits(3, 200, 8L << 20, 1_000, 1L << 20, 100_000, 1_000);
    static final ModelScanner SCANNER = new ModelScanner(
            Readers.of(List.of(new ZipReader(), new GzipReader(), new MarkerReader())), SMALL);

    @FuzzTest(maxDuration = "30s")
    void zipBytesNeverEscapeTheScanner(byte[] data) throws IOException {
        scanOnce(data);
    }

    static void scanOnce(byte[] data) throws IOException {
        if (data == null) return;
        Path file = Files.createTempFile("bulwark-zip-fuzz", ".zip");
        try {
            Files.write(file, data);
            ScannedFile f = SCANNER.scanFile(file);
            assertThat(f.sha256()).hasSize(64);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
