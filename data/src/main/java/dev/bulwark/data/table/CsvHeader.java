package dev.bulwark.data.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The column names of a delimited file, read by us rather than by DuckDB's sniffer: the sniffer gives up on a
 * file whose first rows are ragged with a message that names no line, while reading with the columns given makes
 * DuckDB report the exact line. The header is the first record (quotes may hold the delimiter or a line break).
 */
final class CsvHeader {
    static final int MAX_HEADER_BYTES = 1 << 20;
    static final int MAX_COLUMNS = 10_000;

    private CsvHeader() {
    }

    static List<String> read(Path file, char delimiter) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MAX_HEADER_BYTES);
        } catch (IOException e) {
            throw new DataInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        var names = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        boolean ended = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') quoted = false;
                else cell.append(c);
            } else if (c == '"') quoted = true;
            else if (c == delimiter) {
                names.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                ended = true;
                break;
            } else cell.append(c);
            if (names.size() > MAX_COLUMNS) throw DataInputException.at(file, 1, "more than " + MAX_COLUMNS + " columns");
        }
        if (!ended && head.length == MAX_HEADER_BYTES) {
            throw DataInputException.at(file, 1, "header line longer than " + MAX_HEADER_BYTES + " bytes");
        }
        names.add(cell.toString());
        if (names.size() == 1 && names.get(0).isBlank()) throw DataInputException.at(file, 1, "no header line");
        var seen = new HashSet<String>();
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c).strip();
            if (name.isEmpty()) throw DataInputException.at(file, 1, "column " + (c + 1) + " has no name");
            if (!seen.add(name)) throw DataInputException.at(file, 1, "column \"" + name + "\" appears twice");
            names.set(c, name);
        }
        return List.copyOf(names);
    }

    /** DuckDB's {@code columns = {...}} argument: every column as VARCHAR, names quoted as SQL strings. */
    static String columnsArgument(List<String> names) {
        var out = new StringBuilder("{");
        for (int c = 0; c < names.size(); c++) {
            if (c > 0) out.append(", ");
            out.append('\'').append(names.get(c).replace("'", "''")).append("': 'VARCHAR'");
        }
        return out.append('}').toString();
    }
}
