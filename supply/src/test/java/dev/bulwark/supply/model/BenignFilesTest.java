package dev.bulwark.supply.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Severity;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What ordinary tools write for ordinary data (make_benign.py next to the files: numpy, joblib with every
 * compressor, pickle protocols 0–5, nested archives, a legacy stacked-pickle file) must not look dangerous: a
 * scanner that cries wolf on real checkpoints gets switched off.
 */
class BenignFilesTest {
    @Test
    void nothingAtMediumOrAbove() throws Exception {
        List<ScannedFile> files = ModelScanner.standard().scan(List.of(folder()));
        assertThat(files).hasSizeGreaterThanOrEqualTo(18);
        for (ScannedFile f : files) {
            if (f.path().getFileName().toString().endsWith(".py")) continue;
            assertThat(f.status()).as(f.path().toString()).isNotEqualTo(ScannedFile.Status.SKIPPED);
            assertThat(f.issues()).as(f.path() + " " + f.issues())
                    .noneMatch(i -> i.severity().atLeast(Severity.MEDIUM));
        }
    }

    private static Path folder() throws URISyntaxException {
        return Path.of(BenignFilesTest.class.getResource("benign/make_benign.py").toURI()).getParent();
    }
}
