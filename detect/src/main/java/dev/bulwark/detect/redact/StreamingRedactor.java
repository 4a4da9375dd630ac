package dev.bulwark.detect.redact;

import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityScanner;
import dev.bulwark.detect.EntityType;
import java.util.function.BiFunction;

/**
 * Redacts a text that arrives in chunks (a streamed model reply, stdin) with the same result as redacting it whole:
 * the concatenation of every {@link #accept} and {@link #finish} equals {@link Redaction#redact} of the entire text.
 *
 * <p>How: it holds back the last {@code scanner.maxSpan()} characters, because an entity starting there may still
 * be growing; everything before that is final, since no entity (with the context it needs) is longer than
 * {@code maxSpan}. An entity that starts before the cut is emitted whole, even if it reaches past it. Each scan also
 * sees up to {@code maxSpan} already-emitted characters to the left, so look-behind context and overlap resolution
 * agree with the whole-text scan. Scanning waits until at least {@code step} characters beyond the hold-back have
 * arrived, which keeps the work per character bounded (each character is scanned about
 * {@code (2 * maxSpan + step) / step} times) at the cost of up to {@code maxSpan + step} characters of delay.
 *
 * <p>The equality holds for scanners that are local in that sense: what they report around a position depends only
 * on the {@code maxSpan} characters either side. A scan that starts mid-text can still find a different first match
 * (a word cut in half); should such a match reach past what was already emitted, its remainder is redacted anyway
 * — over-redaction, never a leak.
 *
 * <p>Why not hold back less, e.g. only the last word: entities here span whitespace (card and phone numbers with
 * spaces, names, PEM blocks, {@code password = …}) and context words before a value change whether it is reported,
 * so nothing short of {@code maxSpan} is safe for an arbitrary scanner.
 *
 * <p>Values longer than {@code maxSpan} (PEM private key blocks, long JWTs and tokens), which scanners recognise from
 * their first {@code maxSpan} characters: when one is still going on where the text received so far ends, its
 * replacement is emitted once and its tail swallowed ({@link ValueTail}) — a key block up to its END line or the end
 * of the stream, a token up to its first non-token character — so a long value never leaks and never needs a
 * hold-back its size.
 *
 * <p><b>Eager mode</b> ({@link #eager}): for replies read as they stream, where a fixed hold-back would delay the
 * first words of a short reply to its end. After each chunk it emits everything before
 * {@link EntityScanner#unsettledFrom} — where an entity still growing could start, or one whose score words still to
 * come could change (for the standard engine: the trailing run of value-like tokens, a name within reach of its
 * context words; see {@link dev.bulwark.detect.Settling}) — and never holds more than the fixed mode would. Each scan
 * still sees {@code maxSpan} characters of left context. It scans only when that cut has moved, so one-character
 * chunks cost one scan per released word, not per character. The result equals the whole-text redaction wherever
 * the scanner's {@code unsettledFrom} is exact; where it is not, it errs towards redacting: a phone number followed
 * by a street name (which lowers its score in the whole text) is redacted all the same. What it cannot reproduce is
 * how the whole text joins things the scanner reports as separate pieces: a name with lower-case particles ("Maria de
 * la Cruz") may come out as two redactions instead of one — never as raw text.
 *
 * <p>Memory stays under {@code 2 * maxSpan + 2 * step} characters whatever the chunk sizes. One instance per stream;
 * not thread-safe.
 */
public final class StreamingRedactor {
    /** Keeps every scan window far below the scanners' input limit. */
    static final int MAX_SPAN_LIMIT = 1 << 17;

    private final EntityScanner scanner;
    private final BiFunction<EntityType, String, String> replacement;
    private final int span;
    private final int step;
    /** Already-emitted left context {@code [0, emitted)} followed by the text not emitted yet. */
    private final StringBuilder window = new StringBuilder();
    private int emitted;
    private boolean finished;
    /** Whether values longer than the hold-back have their tails swallowed (redaction yes, decryption no). */
    private final boolean tails;
    /** The tail of a long value still arriving at the start of the unemitted text, or null. */
    private ValueTail open;
    /** Whether to emit up to the scanner's {@link EntityScanner#unsettledFrom} after each chunk. */
    private final boolean eager;

    private StreamingRedactor(EntityScanner scanner, BiFunction<EntityType, String, String> replacement, int step,
                              boolean tails, boolean eager) {
        this.span = scanner.maxSpan();
        if (span < 1 || span > MAX_SPAN_LIMIT) {
            throw new IllegalArgumentException("scanner maxSpan " + span + " outside 1.." + MAX_SPAN_LIMIT);
        }
        if (step < 1) throw new IllegalArgumentException("step must be positive: " + step);
        this.scanner = scanner;
        this.replacement = replacement;
        this.step = step;
        this.tails = tails;
        this.eager = eager;
    }

    /** Scans each time {@code maxSpan} new characters are final: about 3 scans per character, low delay. */
    public static StreamingRedactor of(EntityScanner scanner, RedactionOperator operator) {
        return of(scanner, operator, scanner.maxSpan());
    }

    /** A larger {@code step} means fewer scans per character (throughput) and more delay (latency). */
    public static StreamingRedactor of(EntityScanner scanner, RedactionOperator operator, int step) {
        return new StreamingRedactor(scanner, operator::apply, step, true, false);
    }

    /**
     * Releases text as soon as the scanner says it is final (see the class comment): the first words of a streamed
     * reply go out with the chunk that completes them, values and names once they can no longer grow.
     */
    public static StreamingRedactor eager(EntityScanner scanner, RedactionOperator operator) {
        return new StreamingRedactor(scanner, operator::apply, scanner.maxSpan(), true, true);
    }

    /** Turns the tokens of {@code encryption} back into the original values; tokens it cannot decrypt stay. */
    public static StreamingRedactor decrypting(DeterministicEncryption encryption) {
        return new StreamingRedactor(TokenScanner.INSTANCE,
                (type, token) -> encryption.decrypt(token).orElse(token), TokenScanner.INSTANCE.maxSpan(), false, false);
    }

    /** Takes the next piece of the text; returns what can be emitted now (possibly empty). */
    public String accept(CharSequence chunk) {
        if (finished) throw new IllegalStateException("finish() was called");
        var out = new StringBuilder();
        for (int i = 0; i < chunk.length(); i += step) {
            window.append(chunk, i, Math.min(chunk.length(), i + step));
            if (window.length() - emitted >= span + step) out.append(drain(window.length() - span, false));
        }
        if (eager && !chunk.isEmpty()) {
            int cut = Math.max(window.length() - span, scanner.unsettledFrom(window.toString()));
            if (cut > emitted || open != null) out.append(drain(cut, false));
        }
        return out.toString();
    }

    /** Ends the text; returns everything still held back, redacted. */
    public String finish() {
        if (finished) return "";
        finished = true;
        String rest = drain(window.length(), true);
        window.setLength(0);
        return rest;
    }

    /**
     * Emits {@code [emitted, cut)} — further if an entity starting before {@code cut} reaches past it. Before that,
     * swallows the tail of a long value still open from the last drain; a value that may go on past the text
     * opens a tail and ends the drain there.
     */
    private String drain(int cut, boolean last) {
        if (cut < window.length() && Character.isLowSurrogate(window.charAt(cut))) cut--;
        if (cut <= emitted && open == null) return "";
        String text = window.toString();
        var out = new StringBuilder(Math.max(0, cut - emitted) + 64);
        int at = emitted;
        boolean held = false;
        if (open != null) {
            at = swallow(text, at, last);
            held = open != null;
        }
        if (!held && at < cut) {
            for (Entity e : scanner.scan(text)) {
                if (e.end() <= at) continue;
                if (e.start() >= cut) break;
                // An entity reaching in from the emitted context: the scanner is less local than maxSpan promises (or
                // the scan began mid-match); its unemitted part is still redacted (fail closed).
                int from = Math.max(e.start(), at);
                out.append(text, at, from).append(replacement.apply(e.type(), text.substring(from, e.end())));
                at = e.end();
                open = tails && !last ? ValueTail.after(e, text) : null;
                if (open != null) {
                    at = swallow(text, at, false);
                    held = open != null;
                    if (held) break;
                }
            }
        }
        int end = held ? at : Math.max(at, cut);
        out.append(text, at, end);
        int keepFrom = Math.max(0, end - span);
        window.delete(0, keepFrom);
        emitted = end - keepFrom;
        return out.toString();
    }

    /** Drops the open tail from {@code at}: to its end when in sight (closing it), else as far as is safe. */
    private int swallow(String text, int at, boolean last) {
        int stop = open.stop(text, at);
        if (stop >= 0 || last) {
            open = null;
            return stop >= 0 ? stop : text.length();
        }
        return open.swallowable(text, at);
    }
}
