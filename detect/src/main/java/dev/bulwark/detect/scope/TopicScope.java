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
 * What an assistant is for, given as example requests, and whether a text is among it. A text is in scope when its
 * sentence embedding comes within {@code threshold} cosine similarity of an example's, and none of its sentences is
 * a general-assistant task (a poem, code, trivia: {@code general-tasks.txt}) clearly closer to that task than to
 * every example — otherwise one in-scope question would carry any request in ("When are you open? Also, write me a
 * poem"). Built-in conversational examples (greetings, thanks, "yes please", "what can you help me with?") are always
 * in scope, so a chat keeps working between questions. Sentences are read within the first and last
 * {@value #SENTENCE_WINDOW_CHARS} characters of a turn, each by its first 96 word pieces. Examples and tasks are
 * embedded on the first match, not when built (loading the model takes a second). Thread-safe.
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
    /** How many of {@link #examples} are the owner's (they come first). */
    private final int owned;
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
        this.owned = all.size();
        all.addAll(BuiltIn.CONVERSATION);
        this.examples = List.copyOf(all);
        this.threshold = threshold;
    }

    /** The owner's examples, on all-MiniLM-L6-v2. */
    public static TopicScope of(List<String> examples, double threshold) {
        return new TopicScope(SentenceEncoder::miniLm, examples, threshold);
    }

    /**
     * Whether {@code text} is in scope. A turn of one sentence (or of none of three words or more: "Hi! Thanks!") is
     * judged as a whole: near an example (the owner's or a conversational one) and not a general task. A longer turn
     * is judged sentence by sentence, each embedded once: none may be a general task, and either one of them comes
     * near one of the owner's examples or every one of them near some example — so a customer's e-mail needs one
     * sentence about the business, while a request padded with "can you help me?" and thanks does not pass on those.
     */
    public ScopeMatch match(String text) {
        String read = text.strip();
        List<String> sentences = sentences(read);
        if (sentences.size() <= 1) {
            String one = sentences.isEmpty() ? read : sentences.get(0);
            return match(encoder.get().embed(one.length() > MAX_TEXT_CHARS ? one.substring(0, MAX_TEXT_CHARS) : one));
        }
        SentenceEncoder model = encoder.get();
        Embedded known = embeddings();
        Nearest bestOwn = new Nearest(0, -1);
        Nearest weakest = new Nearest(0, 2);
        for (String sentence : sentences) {
            float[] vector = model.embed(sentence);
            ScopeMatch task = task(vector);
            if (task != null) return task;
            Nearest own = nearest(vector, known.examples(), 0, owned);
            Nearest any = nearest(vector, known.examples(), 0, examples.size());
            if (own.similarity() > bestOwn.similarity()) bestOwn = own;
            if (any.similarity() < weakest.similarity()) weakest = any;
        }
        if (bestOwn.similarity() >= threshold) {
            return new ScopeMatch(bestOwn.similarity(), examples.get(bestOwn.index()), true);
        }
        return new ScopeMatch(weakest.similarity(), examples.get(weakest.index()), weakest.similarity() >= threshold);
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
        return nearest(vector, known, 0, known.length);
    }

    /** The nearest of {@code known[from..to)}. */
    private static Nearest nearest(float[] vector, float[][] known, int from, int to) {
        double best = -1;
        int index = from;
        for (int i = from; i < to; i++) {
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
