package dev.bulwark.supply.model.formats;

import dev.bulwark.core.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for Jinja sandbox escapes in a chat template (the CVE-2024-34359 route: a GGUF's template rendered by an
 * unsandboxed or weakly sandboxed Jinja reaches Python's object graph and from there {@code os}). Only the code inside
 * {@code {{ }}} and {@code {% %}} is inspected — literal text is output, never evaluated, so a system prompt that
 * mentions "config" or "__init__" is harmless. String literals are first joined and unescaped so that
 * {@code '__cl' + 'ass__'} and {@code '\x5f\x5fclass\x5f\x5f'} read as what they build. Real chat templates
 * (ChatML, Llama, Mistral, Gemma, Qwen) need none of these constructs.
 */
final class ChatTemplateInspector {
    /** One suspicious construct found in a template. */
    record Match(Severity severity, String construct, String evidence) {
    }

    private record Rule(Severity severity, String construct, Pattern pattern) {
    }

    private static final Pattern DUNDER = Pattern.compile("__[A-Za-z0-9]\\w*?__");

    // Each pattern is linear (no nested quantifiers) and the template is length-bounded by the reader.
    private static final List<Rule> RULES = List.of(
            new Rule(Severity.CRITICAL, "reaches Python internals used to break out of the sandbox",
                    Pattern.compile("__(?:globals|builtins|import|subclasses|mro|bases?|getattribute|reduce(?:_ex)?|code|loader|spec)__")),
            new Rule(Severity.CRITICAL, "names an operating-system command runner",
                    Pattern.compile("(?<![\\w.])os\\s*\\.\\s*(?:popen|system|exec\\w*|spawn\\w*|remove|unlink|rmdir|kill)\\b"
                            + "|\\b(?:subprocess|popen|check_output|getoutput)\\b|\\b(?:eval|exec)\\s*\\(")),
            new Rule(Severity.CRITICAL, "reaches into a Jinja global whose Python internals lead to os",
                    Pattern.compile("\\b(?:lipsum|cycler|joiner|namespace|url_for|get_flashed_messages)\\s*(?:\\.|\\[|\\|\\s*attr\\b)")),
            new Rule(Severity.HIGH, "touches a Python dunder attribute", DUNDER),
            new Rule(Severity.HIGH, "uses the attr filter, the usual way around the sandbox's attribute checks",
                    Pattern.compile("\\|\\s*attr\\s*\\(")),
            new Rule(Severity.HIGH, "reaches the template, request or application context",
                    Pattern.compile("\\b(?:request|config|self|application|environment)\\s*(?:\\.|\\[|\\|\\s*attr\\b)")));

    /** Run on the code before unescaping, since unescaping is what hides these. */
    private static final Rule HIDDEN_TEXT = new Rule(Severity.HIGH, "builds text from character codes or escapes",
            Pattern.compile("\\\\x[0-9a-fA-F]{2}|\\\\u[0-9a-fA-F]{4}|\\\\[0-7]{3}|['\"]_['\"]\\s*\\*\\s*\\d|\\|\\s*format\\s*\\(\\s*9[05]\\b|%c%c"));

    /** The literal-joining pass: {@code 'a' + 'b'}, {@code 'a' ~ 'b'} and list items {@code 'a', 'b'} run together. */
    private static final Pattern LITERAL_SEAM = Pattern.compile("(['\"])\\s*[+~,]\\s*(['\"])");
    private static final Pattern ESCAPE = Pattern.compile("\\\\x([0-9a-fA-F]{2})|\\\\u([0-9a-fA-F]{4})|\\\\([0-7]{3})");

    List<Match> inspect(String template) {
        String code = codeOf(template);
        String normalized = unescape(LITERAL_SEAM.matcher(code).replaceAll(""));
        List<Match> matches = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(normalized);
            if (m.find()) matches.add(new Match(rule.severity(), rule.construct(), around(normalized, m.start(), m.end())));
        }
        Matcher hidden = HIDDEN_TEXT.pattern().matcher(code);
        if (hidden.find()) {
            matches.add(new Match(HIDDEN_TEXT.severity(), HIDDEN_TEXT.construct(), around(code, hidden.start(), hidden.end())));
        }
        Set<String> built = dunders(normalized);
        built.removeAll(dunders(code));
        if (!built.isEmpty()) {
            String name = built.iterator().next();
            matches.add(new Match(Severity.HIGH, "assembles a dunder name from pieces to hide it", name));
        }
        return matches;
    }

    /** The text of every {@code {{ … }}} and {@code {% … %}} block, one per line; comments and literal text dropped. */
    static String codeOf(String template) {
        StringBuilder code = new StringBuilder();
        int i = 0;
        while (i < template.length() - 1) {
            int open = nextOpening(template, i);
            if (open < 0) break;
            String close = template.charAt(open + 1) == '{' ? "}}" : "%}";
            int end = template.indexOf(close, open + 2);
            int stop = end < 0 ? template.length() : end;
            code.append(template, open + 2, stop).append('\n');
            i = end < 0 ? template.length() : end + 2;
        }
        return code.toString();
    }

    private static int nextOpening(String template, int from) {
        int expression = template.indexOf("{{", from);
        int statement = template.indexOf("{%", from);
        if (expression < 0) return statement;
        if (statement < 0) return expression;
        return Math.min(expression, statement);
    }

    private static String unescape(String code) {
        Matcher m = ESCAPE.matcher(code);
        StringBuilder out = new StringBuilder(code.length());
        while (m.find()) {
            int value = m.group(1) != null ? Integer.parseInt(m.group(1), 16)
                    : m.group(2) != null ? Integer.parseInt(m.group(2), 16) : Integer.parseInt(m.group(3), 8);
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Set<String> dunders(String text) {
        Set<String> found = new HashSet<>();
        Matcher m = DUNDER.matcher(text);
        while (m.find() && found.size() < 100) found.add(m.group());
        return found;
    }

    private static String around(String text, int start, int end) {
        int from = Math.max(0, start - 24);
        int to = Math.min(text.length(), end + 24);
        return Issues.excerpt(text.substring(from, to).strip(), 100);
    }
}
