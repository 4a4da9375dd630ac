package dev.bulwark.bench.injection;

import dev.bulwark.detect.injection.Combination;
import dev.bulwark.detect.injection.InjectionClassifier;
import dev.bulwark.detect.injection.NormalizedText;
import dev.bulwark.detect.injection.RuleSet;
import dev.bulwark.detect.injection.SentenceEncoder;
import dev.bulwark.detect.injection.TextNormalizer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * What the detector computes for each example, through the detector's own public pieces (normaliser, rules,
 * classifier input, encoder), so training sees exactly what scoring will see. Parallel over the examples.
 * Embeddings are cached by classifier input in a file under {@code bench/target} (a pure speed-up for re-runs:
 * the encoder is deterministic, so the cache changes nothing but time). The file starts with the encoder's
 * {@link SentenceEncoder#describe()}; a cache written by another encoder (a different screen variant, say) is
 * ignored, not read as if it were this one's.
 */
record Features(float[][] embeddings, double[] ruleScores, int[] inputChars) {
    static Features of(List<Example> examples, Path cacheFile) throws IOException {
        return of(examples, SentenceEncoder.miniLm(), cacheFile);
    }

    /** With another encoder (the screen's cut one); the cache file must be that encoder's own. */
    static Features of(List<Example> examples, SentenceEncoder encoder, Path cacheFile) throws IOException {
        var rules = RuleSet.standard();
        Map<String, float[]> cache = readCache(cacheFile, encoder.describe());
        float[][] embeddings = new float[examples.size()][];
        double[] ruleScores = new double[examples.size()];
        int[] inputChars = new int[examples.size()];
        var done = new AtomicInteger();
        IntStream.range(0, examples.size()).parallel().forEach(i -> {
            NormalizedText n = TextNormalizer.normalize(examples.get(i).text());
            ruleScores[i] = Combination.ruleScore(rules.match(n), n.obfuscations());
            String input = InjectionClassifier.input(n);
            inputChars[i] = input.length();
            embeddings[i] = cache.computeIfAbsent(input, encoder::embed);
            int count = done.incrementAndGet();
            if (count % 2000 == 0) System.err.println("  embedded " + count + "/" + examples.size());
        });
        writeCache(cacheFile, encoder.describe(), cache);
        return new Features(embeddings, ruleScores, inputChars);
    }

    private static Map<String, float[]> readCache(Path file, String encoder) throws IOException {
        var cache = new ConcurrentHashMap<String, float[]>();
        if (!Files.exists(file)) return cache;
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!in.readUTF().equals(encoder)) {
                System.err.println("  " + file + " holds another encoder's embeddings: computing them afresh");
                return cache;
            }
            int entries = in.readInt();
            for (int e = 0; e < entries; e++) {
                String key = in.readUTF();
                float[] v = new float[in.readInt()];
                for (int d = 0; d < v.length; d++) v[d] = in.readFloat();
                cache.put(key, v);
            }
        }
        return cache;
    }

    private static void writeCache(Path file, String encoder, Map<String, float[]> cache) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeUTF(encoder);
            var entries = cache.entrySet().stream().filter(e -> e.getKey().length() < 16_000).toList();
            out.writeInt(entries.size());
            for (var e : entries) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                for (float f : e.getValue()) out.writeFloat(f);
            }
        }
    }
}
