package dev.bulwark.detect.scope;

import dev.bulwark.detect.injection.SentenceEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What an assistant is for, given as example requests, and whether a text is among it. A turn is in scope when its
 * sentence embedding comes within {@code threshold} cosine similarity of an example's, and none of its sentences is
 * a general-assistant task (a poem, code, trivia: {@code general-tasks.txt}) clearly closer to that task than to
 * every example — otherwise one in-scope question would carry any request in ("When are you open? Also, write me a
 * poem"). Built-in conversational examples (greetings, thanks, "yes please", "what can you help me with?") are always
 * in scope, so a chat keeps working between questions. The whole turn is judged by its start (the encoder reads 96
 * word pieces), its sentences within the first and last {@value #SENTENCE_WINDOW_CHARS} characters. Examples and
 * tasks are embedded on the first match, not when built (loading the model takes a second). Thread-safe.
 */
public final class TopicScope {
    /**
     * Chosen on a shop's examples (docs/accuracy.md, <i>Topic rail</i>): 0.35 lets through 29 of 30 customer
     * messages written apart from the examples and stops every one of 40 general-assistant tasks; higher, ordinary
     * questions phrased unlike any example start to fail (22 of 30 at 0.40).
     */
    public static final double DEFAULT_THRESHOLD = 0.35;
    /** Longest example accepted: an example is a request, not a document. */
    public static final int MAX_EXAMPLE_CHARS = 500;
    /** The most examples a scope takes (each costs one embedding at start and a dot product per request). */
    public static final int MAX_EXAMPLES = 2_000;
    /** A sentence is a general task when it is at least this close to one ... */
    static final double TASK_FLOOR = 0.40;
    /** ... and closer to it than to every example by this much (a bike-shop story request is near both). */
    static final double TASK_MARGIN = 0.10;
    /** Sentences are read in the first and the last this many characters of a turn (one embedding each). */
    static final int SENTENCE_WINDOW_CHARS = 1_000;
    /** Shorter sentences ("Thanks.", "Hi there!") say nothing about a task. */
    private static final int MIN_SENTENCE_WORDS = 3;
    /** The encoder never reads more than this of a text anyway. */
    private static final int MAX_TEXT_CHARS = 2_000;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;:])\\s+|\\R+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Supplier<SentenceEncoder> encoder;
    private final List<String> examples;
    private final double threshold;
    private volatile Embedded embedded;

    /** The examples' and the general tasks' embeddings, made together on first use. */
    private record Embedded(float[][] examples, float[][] tasks) {
    }

    /**
     * @param examples  requests the assistant is for, in the owner's words; the built-in conversational ones are added
     * @param threshold similarity to the nearest example at or above which a text is in scope
     */
    public TopicScope(Supplier<SentenceEncoder> encoder, List<String> examples, double threshold) {
        if (examples.isEmpty()) throw new IllegalArgumentException("a topic scope needs at least one example");
        if (examples.size() > MAX_EXAMPLES) {
            throw new IllegalArgumentException("at most " + MAX_EXAMPLES + " examples, not " + examples.size());
        }
        for (String example : examples) {
            if (example.isBlank() || example.length() > MAX_EXAMPLE_CHARS) {
                throw new IllegalArgumentException("an example must be 1 to " + MAX_EXAMPLE_CHARS + " characters: "
                        + abbreviate(example));
            }
        }
        if (!(threshold > -1 && threshold < 1)) throw new IllegalArgumentException("threshold must be within (-1, 1)");
        this.encoder = encoder;
        var all = new ArrayList<>(examples.stream().map(String::strip).toList());
        all.addAll(BuiltIn.CONVERSATION);
        this.examples = List.copyOf(all);
        this.threshold = threshold;
    }

    /** The owner's examples, on all-MiniLM-L6-v2. */
    public static TopicScope of(List<String> examples, double threshold) {
        return new TopicScope(SentenceEncoder::miniLm, examples, threshold);
    }

    /** How close {@code text} comes to the nearest example, and whether a sentence of it is a general task. */
    public ScopeMatch match(String text) {
        String read = text.strip();
        if (read.length() > MAX_TEXT_CHARS) read = read.substring(0, MAX_TEXT_CHARS);
        SentenceEncoder model = encoder.get();
        float[] wholeVector = model.embed(read);
        ScopeMatch whole = byExamples(wholeVector);
        if (!whole.inScope()) return whole;
        for (String sentence : sentences(text.strip())) {
            ScopeMatch task = task(sentence.equals(read) ? wholeVector : model.embed(sentence));
            if (task != null) return task;
        }
        return whole;
    }

    /**
     * {@link #match(String)} for a one-sentence text already embedded by this scope's encoder (evaluations embed
     * each text once).
     */
    public ScopeMatch match(float[] oneSentence) {
        ScopeMatch byExamples = byExamples(oneSentence);
        if (!byExamples.inScope()) return byExamples;
        ScopeMatch task = task(oneSentence);
        return task != null ? task : byExamples;
    }

    private ScopeMatch byExamples(float[] vector) {
        Nearest nearest = nearest(vector, embeddings().examples());
        return new ScopeMatch(nearest.similarity(), examples.get(nearest.index()), nearest.similarity() >= threshold);
    }

    public double threshold() {
        return threshold;
    }

    /** Every example compared with, the built-in conversational ones last. */
    public List<String> examples() {
        return examples;
    }

    /** An out-of-scope match naming the general task a sentence is clearly closer to than to any example, or null. */
    private ScopeMatch task(float[] vector) {
        Embedded known = embeddings();
        Nearest task = nearest(vector, known.tasks());
        if (task.similarity() < TASK_FLOOR) return null;
        Nearest example = nearest(vector, known.examples());
        if (task.similarity() < example.similarity() + TASK_MARGIN) return null;
        return new ScopeMatch(example.similarity(), BuiltIn.TASKS.get(task.index()), false);
    }

    /** The sentences worth judging: at least three words, within the first and last window of the turn. */
    static List<String> sentences(String text) {
        String head = text.length() <= 2 * SENTENCE_WINDOW_CHARS ? text : text.substring(0, SENTENCE_WINDOW_CHARS);
        String tail = text.length() <= 2 * SENTENCE_WINDOW_CHARS ? "" : text.substring(text.length() - SENTENCE_WINDOW_CHARS);
        var out = new ArrayList<String>();
        for (String part : List.of(head, tail)) {
            for (String sentence : SENTENCE_END.split(part)) {
                String s = sentence.strip();
                if (!s.isEmpty() && SPACES.split(s).length >= MIN_SENTENCE_WORDS && !out.contains(s)) out.add(s);
            }
        }
        return out;
    }

    private record Nearest(int index, double similarity) {
    }

    private static Nearest nearest(float[] vector, float[][] known) {
        double best = -1;
        int index = 0;
        for (int i = 0; i < known.length; i++) {
            double similarity = dot(vector, known[i]);
            if (similarity > best) {
                best = similarity;
                index = i;
            }
        }
        return new Nearest(index, best);
    }

    private Embedded embeddings() {
        Embedded done = embedded;
        if (done != null) return done;
        synchronized (this) {
            if (embedded == null) {
                SentenceEncoder model = encoder.get();
                embedded = new Embedded(embed(model, examples), embed(model, BuiltIn.TASKS));
            }
            return embedded;
        }
    }

    private static float[][] embed(SentenceEncoder model, List<String> texts) {
        float[][] vectors = new float[texts.size()][];
        for (int i = 0; i < vectors.length; i++) vectors[i] = model.embed(texts.get(i));
        return vectors;
    }

    /** Both vectors are unit length (the encoder's contract), so the dot product is the cosine. */
    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? "\"" + text + "\"" : "\"" + text.substring(0, 40) + "…\" (" + text.length() + " characters)";
    }

    /** The built-in lists next to this class: conversational turns (in scope) and general tasks (not). */
    static final class BuiltIn {
        static final List<String> CONVERSATION = load("conversation.txt");
        static final List<String> TASKS = load("general-tasks.txt");

        private BuiltIn() {
        }

        private static List<String> load(String name) {
            try (InputStream in = TopicScope.class.getResourceAsStream(name)) {
                if (in == null) throw new IllegalStateException("missing resource " + name);
                String text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
