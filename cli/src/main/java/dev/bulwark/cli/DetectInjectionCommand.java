package dev.bulwark.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.detect.InputTooLargeException;
import dev.bulwark.detect.injection.InjectionDetector;
import dev.bulwark.detect.injection.InjectionScore;
import dev.bulwark.detect.injection.TextSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark detect injection}: JSON Lines in, one object per line with a {@code text} field (and optionally
 * an {@code id}, echoed back, and a {@code source}: {@code "prompt"}, what a user typed, or {@code "data"}, a
 * document, e-mail, web page or tool result the model reads; {@code --source} sets the default); JSON Lines out, one {@code {"id":…,"score":…,"flagged":…,"reasons":[…]}} per input
 * line. Blank lines are skipped. A bad line (not a JSON object, no string {@code text}, longer than
 * {@value #MAX_LINE_CHARS} characters, or a text over the detector's limit) is reported on stderr with its line
 * number and produces no output line; the command carries on with the next line, so one bad record does not lose
 * a batch, and exits 2 at the end if any line was bad. Consumers that need to align output with input should pass
 * an {@code id}.
 */
@Command(name = "injection", mixinStandardHelpOptions = true,
        description = "Score prompts for prompt injection: JSON Lines {\"text\":…} on stdin -> "
                + "{\"score\":0..1,\"flagged\":bool,\"reasons\":[…]} per line on stdout. Bad lines are reported "
                + "on stderr (with the line number) and skipped; the exit code is then 2.")
public final class DetectInjectionCommand implements Callable<Integer> {
    static final int MAX_LINE_CHARS = 4 * InjectionDetector.MAX_CHARS;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build());

    @Spec
    CommandSpec spec;

    @Option(names = "--rules-only",
            description = "Skip the learned classifier: much faster, no model to load, lower recall.")
    boolean rulesOnly;

    @Option(names = "--source", paramLabel = "prompt|data", defaultValue = "prompt",
            description = "Where the texts come from, unless a line says \"source\": prompt (what a user typed; "
                    + "default) or data (documents, e-mails, web pages, tool results the model reads: instructions "
                    + "aimed at the assistant's reply count as injections there).")
    String source;

    private final InputStream in;

    public DetectInjectionCommand() {
        this(System.in);
    }

    DetectInjectionCommand(InputStream in) {
        this.in = in;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TextSource fallback;
        try {
            fallback = parseSource(source);
        } catch (BadLine e) {
            err.println("bulwark: --source: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        InjectionDetector detector = rulesOnly ? InjectionDetector.rulesOnly() : InjectionDetector.standard();
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int bad = 0;
        int number = 0;
        Line line;
        while ((line = Line.read(reader)) != null) {
            number++;
            try {
                String result = score(detector, line, fallback);
                if (result != null) out.println(result);
            } catch (BadLine e) {
                bad++;
                err.println("bulwark: stdin line " + number + ": " + e.getMessage());
            }
            out.flush();
        }
        out.flush();
        return bad == 0 ? ExitCode.OK : ExitCode.BAD_INPUT;
    }

    private static String score(InjectionDetector detector, Line line, TextSource fallback) throws BadLine {
        if (line.overflow()) throw new BadLine("longer than " + MAX_LINE_CHARS + " characters");
        if (line.text().isBlank()) return null;
        JsonNode node;
        try {
            node = JSON.readTree(line.text());
        } catch (JsonProcessingException e) {
            throw new BadLine("not JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) throw new BadLine("expected a JSON object with a \"text\" field");
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) throw new BadLine("missing string field \"text\"");
        JsonNode sourceField = node.get("source");
        if (sourceField != null && !sourceField.isTextual()) throw new BadLine("field \"source\": expected a string");
        TextSource textSource = sourceField == null ? fallback : parseSource(sourceField.asText());
        InjectionScore score;
        try {
            score = detector.score(text.asText(), textSource);
        } catch (InputTooLargeException e) {
            throw new BadLine("field \"text\": " + e.getMessage());
        }
        ObjectNode result = JSON.createObjectNode();
        if (node.has("id")) result.set("id", node.get("id"));
        result.put("score", Math.round(score.score() * 10_000) / 10_000.0);
        result.put("flagged", score.flagged());
        var reasons = result.putArray("reasons");
        score.reasons().forEach(reasons::add);
        try {
            return JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TextSource parseSource(String value) throws BadLine {
        return switch (value) {
            case "prompt" -> TextSource.PROMPT;
            case "data" -> TextSource.DATA;
            default -> throw new BadLine("source must be prompt or data, not \"" + value + "\"");
        };
    }

    /** One input line, read without ever holding more than {@value #MAX_LINE_CHARS} characters of it. */
    private record Line(String text, boolean overflow) {
        static Line read(Reader reader) throws IOException {
            var text = new StringBuilder();
            boolean overflow = false;
            int c = reader.read();
            if (c == -1) return null;
            while (c != -1 && c != '\n') {
                if (text.length() < MAX_LINE_CHARS) {
                    if (c != '\r') text.append((char) c);
                } else {
                    overflow = true;
                }
                c = reader.read();
            }
            return new Line(overflow ? "" : text.toString(), overflow);
        }
    }

    private static final class BadLine extends Exception {
        BadLine(String message) {
            super(message);
        }
    }
}
