package dev.bulwark.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the small bundled CSV files (header row, RFC 4180 quoting, no multi-line fields). Rows become maps keyed
 * by header name so loaders say which column they read.
 */
final class Csv {
    private Csv() {
    }

    static List<Map<String, String>> read(String resource) {
        try (var reader = new BufferedReader(new InputStreamReader(BundledResource.open(resource),
                StandardCharsets.UTF_8))) {
            String headerLine = reader.readLine();
            if (headerLine == null) throw new IllegalStateException(resource + ": empty file");
            List<String> header = split(stripBom(headerLine));
            var rows = new ArrayList<Map<String, String>>();
            String line;
            int lineNo = 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                List<String> cells = split(line);
                if (cells.size() != header.size()) {
                    throw new IllegalStateException(resource + ":" + lineNo + ": expected " + header.size()
                            + " columns, found " + cells.size());
                }
                var row = new LinkedHashMap<String, String>();
                for (int i = 0; i < header.size(); i++) row.put(header.get(i), cells.get(i).trim());
                rows.add(row);
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + resource, e);
        }
    }

    /** Splits one line; a quoted cell may hold commas and doubled quotes. */
    static List<String> split(String line) {
        var cells = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** Splits a {@code ;}-separated list cell, dropping empties. */
    static List<String> list(String cell) {
        if (cell == null || cell.isBlank()) return List.of();
        return java.util.Arrays.stream(cell.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
