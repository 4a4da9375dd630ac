package dev.bulwark.core.scope;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.bulwark.core.Classification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises datasets (CSV/TSV, JSON Lines, JSON arrays of records, Parquet) and reads their column names from the
 * first few KB only: the header line, the first record, or for Parquet the strings in its footer.
 */
final class DatasetSniffer {
    static final int MAX_COLUMNS = 200;
    private static final byte[] PARQUET = {'P', 'A', 'R', '1'};
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build()).build();
    /** Column names in a Parquet footer are plain byte strings; identifier-like runs are candidates. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{1,63}");

    private DatasetSniffer() {
    }

    /** {@code tail} is read only when needed (Parquet keeps its schema at the end). */
    static Optional<Discovery.Dataset> sniff(Path rel, String name, byte[] head, TailReader tail) throws IOException {
        String ext = ModelSniffer.extension(name.toLowerCase(Locale.ROOT));
        if (head.length >= 4 && head[0] == PARQUET[0] && head[1] == PARQUET[1] && head[2] == PARQUET[2] && head[3] == PARQUET[3]) {
            List<String> candidates = identifiers(BoundedFiles.text(tail.read()));
            return Optional.of(dataset(rel, "parquet", List.of(), PiiColumns.suggestingPii(candidates)));
        }
        String text = BoundedFiles.text(head);
        return switch (ext) {
            case "csv" -> Optional.of(dataset(rel, "csv", splitHeader(firstLine(text), ','), null));
            case "tsv" -> Optional.of(dataset(rel, "tsv", splitHeader(firstLine(text), '\t'), null));
            case "jsonl", "ndjson" -> Optional.of(dataset(rel, "jsonl", firstRecordKeys(firstLine(text), false), null));
            case "json" -> isJsonArrayOfRecords(text)
                    ? Optional.of(dataset(rel, "json", firstRecordKeys(text, true), null)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Discovery.Dataset dataset(Path rel, String format, List<String> columns, List<String> pii) {
        List<String> piiColumns = pii != null ? pii : PiiColumns.suggestingPii(columns);
        return new Discovery.Dataset(rel, format, columns, piiColumns,
                piiColumns.isEmpty() ? Classification.INTERNAL : Classification.CONFIDENTIAL);
    }

    private static String firstLine(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int nl = t.indexOf('\n');
        return (nl < 0 ? t : t.substring(0, nl)).replace("\r", "");
    }

    /** Header cells, unquoted and trimmed; a quoted cell may contain the separator. */
    static List<String> splitHeader(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length() && cells.size() < MAX_COLUMNS; i++) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == separator && !quoted) {
                cells.add(cut(cell.toString().strip()));
                cell.setLength(0);
            } else cell.append(c);
        }
        if (cells.size() < MAX_COLUMNS && !cell.isEmpty()) cells.add(cut(cell.toString().strip()));
        cells.removeIf(String::isEmpty);
        return cells;
    }

    private static boolean isJsonArrayOfRecords(String text) {
        String t = text.strip();
        if (!t.startsWith("[")) return false;
        String rest = t.substring(1).stripLeading();
        return rest.startsWith("{");
    }

    /** Top-level keys of the first JSON object in {@code text}, tolerating text cut off by the read limit. */
    private static List<String> firstRecordKeys(String text, boolean inArray) {
        List<String> keys = new ArrayList<>();
        try (JsonParser p = JSON.createParser(text.getBytes(StandardCharsets.UTF_8))) {
            if (inArray && p.nextToken() != JsonToken.START_ARRAY) return keys;
            if (p.nextToken() != JsonToken.START_OBJECT) return keys;
            JsonToken t;
            while ((t = p.nextToken()) != null && t != JsonToken.END_OBJECT && keys.size() < MAX_COLUMNS) {
                if (t == JsonToken.FIELD_NAME) {
                    keys.add(cut(p.currentName()));
                    p.nextToken();
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            // Truncated or malformed record: the keys read so far are still a fair guess.
        }
        return keys;
    }

    private static List<String> identifiers(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find() && out.size() < 2_000) out.add(m.group());
        return out;
    }

    private static String cut(String s) {
        return s.length() > 64 ? s.substring(0, 64) : s;
    }

    /** Reads the end of the file on demand. */
    interface TailReader {
        byte[] read() throws IOException;
    }
}
