package dev.bulwark.data.anon;

import dev.bulwark.data.table.DataInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the {@code --hierarchy FILE} says about quasi-identifier columns. The file is plain CSV, one statement a line
 * ({@code #} starts a comment line, blank lines are skipped, a field may be double-quoted to hold a comma):
 * <pre>
 * &#64;type,zip,code                          # override the detected type: numeric, date, code, categorical
 * city,Cambridge,Massachusetts,USA,*         # value, then its groups up to the root "*" (the "*" may be left out)
 * city,Boston,Massachusetts,USA
 * </pre>
 * A column with a hierarchy is categorical; every value it holds must be a leaf of its hierarchy.
 */
public final class Hierarchies {
    static final long MAX_FILE_BYTES = 16L << 20;
    static final int MAX_FIELDS = 64;
    private static final Hierarchies NONE = new Hierarchies(null, Map.of(), Map.of());
    private final Path source;
    // trees are built when the data has been read: only then is it known whether a missing-value leaf is needed
    private final Map<String, Hierarchy.Builder> trees;
    private final Map<String, QuasiType> types;

    private Hierarchies(Path source, Map<String, Hierarchy.Builder> trees, Map<String, QuasiType> types) {
        this.source = source;
        this.trees = trees;
        this.types = types;
    }

    /** No file: types detected from the values, categories generalize straight to "*". */
    public static Hierarchies none() {
        return NONE;
    }

    /** Reads {@code file}; every statement must name a column of {@code quasi}. Errors name the file and line. */
    public static Hierarchies read(Path file, Collection<String> quasi) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) throw DataInputException.at(file, 0, "larger than 16 MB");
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return parse(file, in, quasi);
            }
        } catch (IOException e) {
            throw DataInputException.at(file, 0, "cannot read: " + e.getMessage());
        }
    }

    private static Hierarchies parse(Path file, BufferedReader in, Collection<String> quasi) throws IOException {
        var builders = new HashMap<String, Hierarchy.Builder>();
        var types = new HashMap<String, QuasiType>();
        var typeLines = new HashMap<String, Integer>();
        int lineNo = 0;
        for (String line; (line = in.readLine()) != null; ) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.isBlank() || line.strip().startsWith("#")) continue;
            List<String> fields = split(line);
            if (fields == null) throw DataInputException.at(file, lineNo, "unclosed double quote");
            if (fields.size() > MAX_FIELDS) throw DataInputException.at(file, lineNo, "more than " + MAX_FIELDS + " fields");
            if (fields.stream().anyMatch(String::isEmpty)) throw DataInputException.at(file, lineNo, "empty field");
            if (fields.get(0).equals("@type")) {
                if (fields.size() != 3) throw DataInputException.at(file, lineNo, "expected @type,COLUMN,TYPE");
                String column = known(file, lineNo, fields.get(1), quasi);
                QuasiType type = QuasiType.named(fields.get(2));
                if (type == null) {
                    throw DataInputException.at(file, lineNo, "unknown type \"" + fields.get(2)
                            + "\" (numeric, date, code or categorical)");
                }
                if (types.put(column, type) != null) throw DataInputException.at(file, lineNo, "second @type for " + column);
                typeLines.put(column, lineNo);
                continue;
            }
            if (fields.size() < 2) throw DataInputException.at(file, lineNo, "expected COLUMN,VALUE[,GROUP...][,*]");
            String column = known(file, lineNo, fields.get(0), quasi);
            List<String> path = new ArrayList<>(fields.subList(1, fields.size()));
            if (path.size() > 1 && path.get(path.size() - 1).equals(Hierarchy.ROOT)) path.remove(path.size() - 1);
            String problem = builders.computeIfAbsent(column, c -> new Hierarchy.Builder()).add(path);
            if (problem != null) throw DataInputException.at(file, lineNo, column + ": " + problem);
        }
        for (var entry : types.entrySet()) {
            if (builders.containsKey(entry.getKey()) && entry.getValue() != QuasiType.CATEGORICAL) {
                throw DataInputException.at(file, typeLines.get(entry.getKey()), entry.getKey() + " has a hierarchy, so its @type must be categorical");
            }
        }
        return new Hierarchies(file, Map.copyOf(builders), Map.copyOf(types));
    }

    private static String known(Path file, int line, String column, Collection<String> quasi) {
        if (!quasi.contains(column)) {
            throw DataInputException.at(file, line, "column \"" + column + "\" is not a quasi-identifier (--quasi "
                    + String.join(",", quasi) + ")");
        }
        return column;
    }

    /** The type the file sets for {@code column}: categorical when it has a hierarchy. */
    Optional<QuasiType> type(String column) {
        if (trees.containsKey(column)) return Optional.of(QuasiType.CATEGORICAL);
        return Optional.ofNullable(types.get(column));
    }

    /** The hierarchy of {@code column}, with a leaf for missing values when asked, or empty without one. */
    Optional<Hierarchy> hierarchy(String column, boolean withMissing) {
        Hierarchy.Builder builder = trees.get(column);
        return builder == null ? Optional.empty() : Optional.of(builder.build(withMissing));
    }

    /** The file, for messages; null without one. */
    Path source() {
        return source;
    }

    /** CSV fields of one line, double quotes honoured; null for an unclosed quote. */
    static List<String> split(String line) {
        var fields = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') quoted = false;
                else cell.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') {
                fields.add(cell.toString().strip());
                cell.setLength(0);
            } else cell.append(c);
        }
        if (quoted) return null;
        fields.add(cell.toString().strip());
        return fields;
    }
}
