package dev.bulwark.guard.filter;

import dev.bulwark.guard.config.OutputPolicy.HtmlAction;
import dev.bulwark.guard.config.OutputPolicy.ImageAction;
import java.util.regex.Pattern;

/**
 * Neutralises markdown images and raw HTML in a reply that arrives in pieces, with the same result however the text
 * is cut: images whose host is not allowed become their alt text (inline, reference and shortcut forms; a reference
 * image's URL may only come later, so those always go), HTML tags are escaped ({@code <} becomes {@code &lt;}) or
 * removed, while code (fenced blocks, inline spans on one line) and autolinks ({@code <https://…>}) pass unchanged.
 *
 * <p>How: a construct that has started but not finished ({@code ![alt](…}, {@code <tag …}, an inline code span) is
 * held back until it finishes or {@value #BOUND} characters are waiting; a decision only ever looks at the next
 * {@value #BOUND} characters, and a construct longer than that is treated as text (an unfinished tag is then
 * escaped), so the decisions, and the output, do not depend on where chunks were cut. Not thread-safe.
 */
final class MarkupStream {
    /** Longest construct held back; also the most text one decision looks at. */
    static final int BOUND = 2048;
    private static final int MAX_NESTING = 4;
    private static final int NEED_MORE = -1;
    private static final Pattern URL_AUTOLINK = Pattern.compile("(?i)(?:https?|mailto):[^\\s<>\\x00-\\x1f]*+");
    private static final Pattern EMAIL_AUTOLINK = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]++@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}+[A-Za-z0-9])?+"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}+[A-Za-z0-9])?+)*+");

    private final MarkupPolicy policy;
    private final int depth;
    private final StringBuilder buf = new StringBuilder();
    private int pos;
    private boolean lineStart;
    /** The open code fence ({@code fenceLength > 0}): its character and length. */
    private char fenceChar;
    private int fenceLength;
    private boolean finished;
    private int images;
    private int tags;

    MarkupStream(MarkupPolicy policy) {
        this(policy, 0, true);
    }

    private MarkupStream(MarkupPolicy policy, int depth, boolean lineStart) {
        this.policy = policy;
        this.depth = depth;
        this.lineStart = lineStart;
    }

    /** The whole text at once (the same as any split into {@link #accept} calls and a {@link #finish}). */
    static String neutralise(MarkupPolicy policy, String text) {
        var stream = new MarkupStream(policy);
        return stream.accept(text) + stream.finish();
    }

    String accept(CharSequence chunk) {
        if (finished) throw new IllegalStateException("finish() was called");
        buf.append(chunk);
        return drain(false);
    }

    String finish() {
        if (finished) return "";
        finished = true;
        return drain(true);
    }

    int imagesRemoved() {
        return images;
    }

    int tagsNeutralised() {
        return tags;
    }

    private String drain(boolean last) {
        var out = new StringBuilder();
        while (pos < buf.length()) {
            int end = Math.min(buf.length(), pos + BOUND);
            boolean atEnd = last && end == buf.length();
            boolean complete = atEnd || end - pos == BOUND;
            int consumed = step(out, end, atEnd, complete);
            if (consumed == NEED_MORE) break;
            pos += consumed;
        }
        if (pos == buf.length() || pos > 4 * BOUND) {
            buf.delete(0, pos);
            pos = 0;
        }
        return out.toString();
    }

    /** Handles what starts at {@code pos}; returns how many characters it consumed, or {@link #NEED_MORE}. */
    private int step(StringBuilder out, int end, boolean atEnd, boolean complete) {
        if (fenceLength > 0) return inFence(out, end, atEnd, complete);
        if (lineStart) {
            int opener = fenceOpener(end, complete);
            if (opener == NEED_MORE) return NEED_MORE;
            if (opener > 0) return emit(out, opener);
        }
        char c = buf.charAt(pos);
        if (c == '\n') {
            out.append('\n');
            lineStart = true;
            return 1;
        }
        if (c == '`') return codeSpan(out, end, complete);
        if (c == '!' && policy.images() != ImageAction.KEEP) return image(out, end, complete);
        if (c == '<' && policy.html() != HtmlAction.KEEP) return html(out, end, complete);
        int i = pos + 1;
        while (i < end && !special(buf.charAt(i))) i++;
        return emit(out, i - pos);
    }

    private boolean special(char c) {
        return c == '\n' || c == '`' || c == '!' && policy.images() != ImageAction.KEEP
                || c == '<' && policy.html() != HtmlAction.KEEP;
    }

    private int emit(StringBuilder out, int n) {
        out.append(buf, pos, pos + n);
        lineStart = false;
        return n;
    }

    /** At a line start: the length of a fence opener (up to 3 spaces, then 3+ backticks or tildes), else 0. */
    private int fenceOpener(int end, boolean complete) {
        int i = skipSpaces(pos, end);
        if (i == end) return complete ? 0 : NEED_MORE;
        char f = buf.charAt(i);
        if (f != '`' && f != '~') return 0;
        int j = run(i, end, f);
        if (j == end && !complete) return NEED_MORE;
        if (j - i < 3) return 0;
        if (f == '`') {
            // a backtick fence's info string has no backticks (else it is inline code)
            int nl = indexOf('\n', j, end);
            if (nl < 0 && !complete) return NEED_MORE;
            if (indexOf('`', j, nl < 0 ? end : nl) >= 0) return 0;
        }
        fenceChar = f;
        fenceLength = j - i;
        return j - pos;
    }

    /** Inside a fenced block: lines pass verbatim until the closing fence. */
    private int inFence(StringBuilder out, int end, boolean atEnd, boolean complete) {
        if (lineStart) {
            int i = skipSpaces(pos, end);
            if (i == end && !complete) return NEED_MORE;
            if (i < end && buf.charAt(i) == fenceChar) {
                int j = run(i, end, fenceChar);
                if (j == end && !complete) return NEED_MORE;
                if (j - i >= fenceLength) {
                    int k = j;
                    while (k < end && (buf.charAt(k) == ' ' || buf.charAt(k) == '\t')) k++;
                    if (k == end && !complete) return NEED_MORE;
                    if (k < end && buf.charAt(k) == '\n' || k == end && atEnd) {
                        fenceLength = 0;
                        int stop = k < end ? k + 1 : k;
                        out.append(buf, pos, stop);
                        lineStart = k < end;
                        return stop - pos;
                    }
                }
            }
        }
        int nl = indexOf('\n', pos, end);
        int stop = nl < 0 ? end : nl + 1;
        out.append(buf, pos, stop);
        lineStart = nl >= 0;
        return stop - pos;
    }

    /** An inline code span closed on the same line passes verbatim; an unclosed run of backticks is text. */
    private int codeSpan(StringBuilder out, int end, boolean complete) {
        int j = run(pos, end, '`');
        if (j == end && !complete) return NEED_MORE;
        int length = j - pos;
        int k = j;
        while (k < end && buf.charAt(k) != '\n') {
            if (buf.charAt(k) == '`') {
                int r = run(k, end, '`');
                if (r == end && !complete) return NEED_MORE;
                if (r - k == length) return emit(out, r - pos);
                k = r;
            } else {
                k++;
            }
        }
        if (k == end && !complete) return NEED_MORE;
        return emit(out, length);
    }

    /** {@code ![alt](dest "title")}, {@code ![alt][ref]}, {@code ![alt]}. */
    private int image(StringBuilder out, int end, boolean complete) {
        if (pos + 1 == end) return complete ? emit(out, 1) : NEED_MORE;
        if (buf.charAt(pos + 1) != '[') return emit(out, 1);
        int altEnd = closingBracket(pos + 2, end);
        if (altEnd < 0) return complete ? emit(out, 1) : NEED_MORE;
        String alt = buf.substring(pos + 2, altEnd);
        int after = altEnd + 1;
        if (after == end) return complete ? strip(out, alt, after) : NEED_MORE;
        char next = buf.charAt(after);
        if (next == '(') {
            int[] dest = new int[2];
            int stop = inlineDestination(after + 1, end, dest);
            if (stop == NEED_MORE) return complete ? strip(out, alt, after) : NEED_MORE;
            if (stop == 0) return strip(out, alt, after);
            if (policy.imageAllowed(buf.substring(dest[0], dest[1]))) {
                out.append("![").append(nested(alt)).append(buf, altEnd, stop);
                lineStart = false;
                return stop - pos;
            }
            return strip(out, alt, stop);
        }
        if (next == '[') {
            int refEnd = after + 1;
            while (refEnd < end && buf.charAt(refEnd) != ']' && buf.charAt(refEnd) != '[') refEnd++;
            if (refEnd == end) return complete ? strip(out, alt, after) : NEED_MORE;
            return strip(out, alt, buf.charAt(refEnd) == ']' ? refEnd + 1 : after);
        }
        return strip(out, alt, after);
    }

    private int strip(StringBuilder out, String alt, int stop) {
        images++;
        out.append(nested(alt));
        lineStart = false;
        return stop - pos;
    }

    /** Alt text goes through the same rules (it may hold an image itself), a few levels deep. */
    private String nested(String alt) {
        if (depth >= MAX_NESTING) return alt.replaceAll("[!\\[\\]()<>]", "");
        var inner = new MarkupStream(policy, depth + 1, false);
        String result = inner.accept(alt) + inner.finish();
        images += inner.images;
        tags += inner.tags;
        return result;
    }

    /** The index of the {@code ]} closing a bracket opened just before {@code from}, or -1 within the window. */
    private int closingBracket(int from, int end) {
        int nesting = 1;
        for (int i = from; i < end; i++) {
            char c = buf.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                nesting++;
            } else if (c == ']' && --nesting == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Parses {@code dest "title")} from {@code from} (just after the parenthesis): the index after the closing
     * parenthesis with the destination's span in {@code dest}, 0 when it is not an inline destination, or
     * {@link #NEED_MORE} when the window ends first.
     */
    private int inlineDestination(int from, int end, int[] dest) {
        int i = skipWhitespace(from, end);
        if (i == end) return NEED_MORE;
        if (buf.charAt(i) == '<') {
            int close = i + 1;
            while (close < end && buf.charAt(close) != '>') {
                char c = buf.charAt(close);
                if (c == '\n' || c == '<') return 0;
                close += c == '\\' ? 2 : 1;
            }
            if (close >= end) return NEED_MORE;
            dest[0] = i + 1;
            dest[1] = close;
            i = close + 1;
        } else {
            int start = i;
            int parens = 0;
            while (i < end) {
                char c = buf.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c <= ' ') break;
                if (c == '(') parens++;
                if (c == ')' && parens-- == 0) break;
                i++;
            }
            if (i >= end) return NEED_MORE;
            dest[0] = start;
            dest[1] = i;
        }
        i = skipWhitespace(i, end);
        if (i == end) return NEED_MORE;
        char c = buf.charAt(i);
        if (c == '"' || c == '\'' || c == '(') {
            char close = c == '(' ? ')' : c;
            i++;
            while (i < end && buf.charAt(i) != close) i += buf.charAt(i) == '\\' ? 2 : 1;
            if (i >= end) return NEED_MORE;
            i = skipWhitespace(i + 1, end);
            if (i == end) return NEED_MORE;
            c = buf.charAt(i);
        }
        return c == ')' ? i + 1 : 0;
    }

    /** {@code <} followed by a letter, {@code /}, {@code !} or {@code ?} starts a tag, unless it is an autolink. */
    private int html(StringBuilder out, int end, boolean complete) {
        if (pos + 1 == end) return complete ? emit(out, 1) : NEED_MORE;
        char n = buf.charAt(pos + 1);
        boolean tagLike = n >= 'a' && n <= 'z' || n >= 'A' && n <= 'Z' || n == '/' || n == '!' || n == '?';
        if (!tagLike) return emit(out, 1);
        int autolink = autolinkEnd(end);
        if (autolink == NEED_MORE && !complete) return NEED_MORE;
        if (autolink > 0) return emit(out, autolink - pos);
        if (policy.html() == HtmlAction.STRIP) {
            int close = tagEnd(end);
            if (close < 0 && !complete) return NEED_MORE;
            if (close > 0) {
                tags++;
                lineStart = false;
                return close - pos;
            }
        }
        tags++;
        out.append("&lt;");
        lineStart = false;
        return 1;
    }

    /** The index after an autolink's {@code >}, 0 when this is no autolink, {@link #NEED_MORE} at the window end. */
    private int autolinkEnd(int end) {
        int i = pos + 1;
        while (i < end) {
            char c = buf.charAt(i);
            if (c == '>') {
                String inside = buf.substring(pos + 1, i);
                boolean link = URL_AUTOLINK.matcher(inside).matches() || EMAIL_AUTOLINK.matcher(inside).matches();
                return link ? i + 1 : 0;
            }
            if (c <= ' ' || c == '<') return 0;
            i++;
        }
        return NEED_MORE;
    }

    /** The index after the tag starting at {@code pos} (quotes respected; comments to {@code -->}), or -1. */
    private int tagEnd(int end) {
        if (buf.length() >= pos + 4 && end - pos >= 4 && buf.substring(pos, pos + 4).equals("<!--")) {
            int close = buf.indexOf("-->", pos + 4);
            return close >= 0 && close + 3 <= end ? close + 3 : -1;
        }
        char quote = 0;
        for (int i = pos + 1; i < end; i++) {
            char c = buf.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return -1;
    }

    private int skipSpaces(int from, int end) {
        int i = from;
        while (i < end && i - from < 3 && buf.charAt(i) == ' ') i++;
        return i;
    }

    private int skipWhitespace(int from, int end) {
        int i = from;
        while (i < end && (buf.charAt(i) == ' ' || buf.charAt(i) == '\t' || buf.charAt(i) == '\n')) i++;
        return i;
    }

    private int run(int from, int end, char c) {
        int i = from;
        while (i < end && buf.charAt(i) == c) i++;
        return i;
    }

    private int indexOf(char c, int from, int end) {
        for (int i = from; i < end; i++) if (buf.charAt(i) == c) return i;
        return -1;
    }
}
