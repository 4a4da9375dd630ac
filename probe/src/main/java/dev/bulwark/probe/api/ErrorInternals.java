package dev.bulwark.probe.api;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises implementation internals in an error body: stack frames (Java, Python, Node, .NET, Go, PHP),
 * framework exception names and debug pages, SQL errors, absolute server paths. Looks at the first
 * {@value #MAX_CHARS} characters; every pattern is bounded, so a hostile body cannot make matching blow up.
 */
final class ErrorInternals {
    static final int MAX_CHARS = 64_000;

    record Sign(String what, Pattern pattern) {
    }

    /** What was seen, and the text around it. */
    record Disclosure(String what, String excerpt) {
    }

    private static final int CI = Pattern.CASE_INSENSITIVE;

    static final List<Sign> SIGNS = List.of(
            new Sign("Java stack frame", Pattern.compile(
                    "\\bat [\\w$]{1,100}+(?:\\.[\\w$<>]{1,100}+){1,30}+\\([\\w$]{1,100}+\\.(?:java|kt|scala|groovy):\\d{1,6}\\)")),
            new Sign("uncaught exception banner", Pattern.compile("Exception in thread \"")),
            new Sign("framework exception class", Pattern.compile(
                    "\\b(?:java|javax|jakarta|org\\.springframework|org\\.hibernate|com\\.fasterxml|io\\.vertx|io\\.netty)"
                            + "(?:\\.[a-z_$][\\w$]{0,100}+){0,20}+\\.[A-Z][\\w$]{0,100}?(?:Exception|Error)\\b")),
            new Sign("Python traceback", Pattern.compile("Traceback \\(most recent call last\\)")),
            new Sign("Python stack frame", Pattern.compile("File \"[^\"\\n]{1,300}+\", line \\d{1,6}")),
            new Sign("Node.js stack frame", Pattern.compile(
                    "\\bat (?:Object\\.<anonymous>|[\\w$.<>\\[\\] ]{1,200}? \\((?:/|[A-Za-z]:\\\\|node:|file:)[^)\\n]{1,300}?:\\d{1,6}:\\d{1,6}\\))")),
            new Sign(".NET stack frame", Pattern.compile("\\bat [\\w.`<>]{1,300}+\\([^)\\n]{0,300}+\\) in [^\\n]{1,300}?:line \\d{1,6}")),
            new Sign("Go panic", Pattern.compile("\\bgoroutine \\d{1,8} \\[[\\w ]{1,40}+\\]:|\\bpanic: [^\\n]{1,200}+\\n")),
            new Sign("PHP error", Pattern.compile("(?:Fatal error|Parse error|Warning)(?:</b>)?: .{1,300}? on line (?:<b>)?\\d{1,6}|"
                    + "Stack trace:\\s{0,4}+#0 ")),
            new Sign("SQL error", Pattern.compile(
                    "SQLSTATE\\[|syntax error at or near|\\bORA-\\d{5}\\b|You have an error in your SQL syntax|"
                            + "sqlite3?\\.OperationalError|\\bPSQLException\\b|\\bSQLException\\b|"
                            + "\\bunterminated quoted string\\b", CI)),
            new Sign("framework debug page", Pattern.compile(
                    "Whitelabel Error Page|Werkzeug Debugger|DisallowedHost at|Django Version:|"
                            + "\\bpydantic_core\\._pydantic_core\\.ValidationError\\b|express-async-errors|"
                            + "<title>[^<]{0,100}?(?:Traceback|Exception)[^<]{0,100}+</title>")),
            new Sign("absolute server path", Pattern.compile(
                    "(?<![\\w/:.])/(?:home|usr|var|opt|srv|app|root|tmp|etc|workspace)/(?:[\\w.@-]{1,100}+/){0,20}+"
                            + "[\\w.@-]{0,100}?\\.(?:py|java|kt|js|mjs|ts|rb|go|php|cs|jar|so)\\b"
                            + "|\\b[A-Z]:\\\\(?:[\\w .-]{1,100}+\\\\){1,20}+[\\w .-]{0,100}?\\.(?:cs|dll|py|java|js)\\b")));

    private ErrorInternals() {
    }

    /** The first sign of internals in {@code body}, if any. */
    static Optional<Disclosure> find(String body) {
        if (body == null || body.isEmpty()) return Optional.empty();
        String text = body.length() <= MAX_CHARS ? body : body.substring(0, MAX_CHARS);
        for (Sign sign : SIGNS) {
            Matcher m = sign.pattern().matcher(text);
            if (m.find()) {
                int from = Math.max(0, m.start() - 200);
                int to = Math.min(text.length(), m.end() + 400);
                return Optional.of(new Disclosure(sign.what(), text.substring(from, to)));
            }
        }
        return Optional.empty();
    }
}
