package dev.bulwark.supply.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * picklescan's test corpus (MIT, see corpus/README.md): REAL malicious pickles, read here as bytes only. Each row of
 * manifest.csv is a file, its label (malicious, benign, broken) and a note.
 */
public final class Corpus {
    public record Sample(Path file, String relative, String label, String note) {
    }

    private Corpus() {
    }

    public static Path root() {
        try {
            return Path.of(Corpus.class.getResource("corpus/manifest.csv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Sample> samples() {
        Path root = root();
        try {
            var out = new ArrayList<Sample>();
            List<String> lines = Files.readAllLines(root.resolve("manifest.csv"));
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                int a = line.indexOf(',');
                int b = line.indexOf(',', a + 1);
                String relative = line.substring(0, a);
                out.add(new Sample(root.resolve(relative), relative, line.substring(a + 1, b), line.substring(b + 1)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Sample sample(String relative) {
        return samples().stream().filter(s -> s.relative().equals(relative)).findFirst().orElseThrow();
    }
}
