package dev.bulwark.bench.injection;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small RFC 4180 reader (quoted fields with commas, doubled quotes and line breaks) for the data-set CSVs. */
final class Csv {
    private Csv() {
    }

    static List<Map<String, String>> read(Reader in) throws IOException {
        List<List<String>> rows = rows(in);
        var out = new ArrayList<Map<String, String>>();
        if (rows.isEmpty()) return out;
        List<String> header = rows.get(0);
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() == 1 && row.get(0).isEmpty()) continue;
            var map = new LinkedHashMap<String, String>();
            for (int i = 0; i < header.size() && i < row.size(); i++) map.put(header.get(i).strip(), row.get(i));
            out.add(map);
        }
        return out;
    }

    private static List<List<String>> rows(Reader in) throws IOException {
        var rows = new ArrayList<List<String>>();
        var row = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        int c;
        while ((c = in.read()) != -1) {
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') field.append('"');
                    else {
                        quoted = false;
                        if (next == -1) break;
                        in.reset();
                    }
                } else field.append((char) c);
            } else if (c == '"') quoted = true;
            else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') field.append((char) c);
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
