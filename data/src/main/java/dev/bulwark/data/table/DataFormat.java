package dev.bulwark.data.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The table formats Bulwark reads and writes. Reading decides by content (Parquet's magic bytes, a JSON array or
 * object at the start, tabs in the first line), the extension only breaks ties between CSV and TSV; writing decides
 * by the output file's extension.
 */
public enum DataFormat {
    CSV, TSV, JSON, JSONL, PARQUET;

    private static final int SNIFF_BYTES = 64 * 1024;

    /** The format of an existing file, from its first bytes. */
    public static DataFormat sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') return PARQUET;
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String start = text.stripLeading();
        if (start.startsWith("[")) return JSON;
        if (start.startsWith("{")) return JSONL;
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        long tabs = first.chars().filter(c -> c == '\t').count();
        long commas = first.chars().filter(c -> c == ',').count();
        return tabs > commas ? TSV : CSV;
    }

    /** The format to write {@code file} in, from its extension; CSV when the extension says nothing. */
    public static DataFormat forOutput(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tsv") || name.endsWith(".tab")) return TSV;
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return JSONL;
        if (name.endsWith(".json")) return JSON;
        if (name.endsWith(".parquet")) return PARQUET;
        return CSV;
    }
}
