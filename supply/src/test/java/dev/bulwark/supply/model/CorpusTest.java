package dev.bulwark.supply.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end over picklescan's corpus with every installed reader, through the findings the report gets: every file
 * labelled malicious is high or critical, no benign file is medium or above, every broken file is "not verified".
 */
class CorpusTest {
    private static final KnowledgeBase KB = KnowledgeBase.bundled();
    private static ModelScanner scanner;

    @BeforeAll
    static void readers() {
        Readers installed = Readers.installed();
        // a registered reader that fails to load would make the corpus pass for the wrong reason (or not at all)
        assertThat(installed.unavailable()).as("registered readers that could not be loaded").isEmpty();
        scanner = new ModelScanner(installed, ScanLimits.defaults());
    }

    private static List<Finding> findings(Corpus.Sample s) {
        ScannedFile f = scanner.scanFile(s.file());
        return ModelFindings.of(f, false).stream().map(KB::map).toList();
    }

    @Test
    void everyMaliciousFileIsHighOrCritical() {
        var missed = new ArrayList<String>();
        int total = 0;
        for (Corpus.Sample s : Corpus.samples()) {
            if (!s.label().equals("malicious")) continue;
            total++;
            if (findings(s).stream().noneMatch(f -> f.severity().atLeast(Severity.HIGH))) missed.add(s.relative());
        }
        assertThat(total).isEqualTo(94);
        assertThat(missed).as("malicious files without a high or critical finding").isEmpty();
    }

    @Test
    void noBenignFileIsMediumOrAbove() {
        var flagged = new ArrayList<String>();
        for (Corpus.Sample s : Corpus.samples()) {
            if (!s.label().equals("benign")) continue;
            findings(s).stream().filter(f -> f.severity().atLeast(Severity.MEDIUM))
                    .forEach(f -> flagged.add(s.relative() + ": " + f.severity().label() + " " + f.title()));
        }
        assertThat(flagged).isEmpty();
    }

    @Test
    void everyBrokenFileIsNotVerified() {
        var silent = new ArrayList<String>();
        for (Corpus.Sample s : Corpus.samples()) {
            if (!s.label().equals("broken")) continue;
            if (findings(s).stream().noneMatch(f -> f.check().equals(ModelFindings.NOT_VERIFIED))) silent.add(s.relative());
        }
        assertThat(silent).isEmpty();
    }
}
