package dev.bulwark.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityScanner;
import dev.bulwark.detect.redact.FilteredScanner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "pii", mixinStandardHelpOptions = true,
        description = {"Find personal data and secrets: JSON Lines in, one object per line with a \"text\" field; "
                + "JSON Lines out, one object per input line: {\"id\":…,\"entities\":[{\"type\",\"start\",\"end\","
                + "\"score\"}]}. \"id\" is echoed when the input has one; blank lines are skipped.",
                "start and end count Unicode code points (not UTF-16 units or bytes); end is exclusive.",
                "The detected values themselves are never printed."},
        footer = {"", "Example:", "  echo '{\"id\":1,\"text\":\"mail jane@example.com\"}' | ./bulwark detect pii"})
final class DetectPiiCommand implements Callable<Integer> {
    /** Longest input line, in characters: the scanner's own input limit. */
    static final int MAX_LINE_CHARS = 1 << 20;
    private static final int MAX_DEPTH = 32;

    @Option(names = "--entities", paramLabel = "LIST", split = ",",
            description = "Report only these entity types, comma-separated (default: all).")
    List<String> entities = List.of();

    private final ObjectMapper json = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_LINE_CHARS).build())
            .build()).build();

    @Override
    public Integer call() throws IOException {
        EntityScanner scanner = EntityScanner.standard();
        if (!entities.isEmpty()) scanner = new FilteredScanner(scanner, RedactCommand.entityTypes(entities));
        var in = new BufferedReader(RedactCommand.utf8(System.in), 64 * 1024);
        Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        int lineNo = 0;
        try {
            for (String line; (line = readLine(in, ++lineNo)) != null; ) {
                if (line.isBlank()) continue;
                out.write(json.writeValueAsString(result(parse(line, lineNo), scanner)));
                out.write('\n');
                out.flush();
            }
        } catch (CharacterCodingException e) {
            throw new BadInputException("stdin line " + lineNo + ": not UTF-8 text");
        }
        return ExitCode.OK;
    }

    private JsonNode parse(String line, int lineNo) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input, which may be personal data: only the position is repeated.
            var where = e.getLocation();
            throw new BadInputException("stdin line " + lineNo + ": not valid JSON"
                    + (where == null ? "" : " (column " + where.getColumnNr() + ")"));
        }
        if (node == null || !node.isObject()) {
            throw new BadInputException("stdin line " + lineNo + ": expected a JSON object with a \"text\" field");
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            throw new BadInputException("stdin line " + lineNo + ": field \"text\" is "
                    + (text == null ? "missing" : "not a string"));
        }
        return node;
    }

    private ObjectNode result(JsonNode input, EntityScanner scanner) {
        String text = input.get("text").asText();
        ObjectNode out = json.createObjectNode();
        if (input.has("id")) out.set("id", input.get("id"));
        var array = out.putArray("entities");
        int index = 0;
        int codePoint = 0;
        for (Entity e : scanner.scan(text)) {
            int start = codePoint + text.codePointCount(index, e.start());
            int end = start + text.codePointCount(e.start(), e.end());
            index = e.end();
            codePoint = end;
            array.addObject().put("type", e.type().name()).put("start", start).put("end", end).put("score", e.score());
        }
        return out;
    }

    /** One line without its terminator ({@code \n} or {@code \r\n}), or null at the end; refuses overlong lines. */
    private static String readLine(BufferedReader in, int lineNo) throws IOException {
        var line = new StringBuilder();
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') return stripCr(line);
            if (line.length() >= MAX_LINE_CHARS) {
                throw new BadInputException("stdin line " + lineNo + ": longer than " + MAX_LINE_CHARS
                        + " characters; split the text over several lines");
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : stripCr(line);
    }

    private static String stripCr(StringBuilder line) {
        int n = line.length();
        return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
    }
}
