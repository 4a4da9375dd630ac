package dev.bulwark.report.md;

import java.util.List;

/** A GitHub-flavoured Markdown table whose cells cannot break the table or inject HTML. */
final class MarkdownTable {
    private static final int MAX_CELL = 300;

    private final StringBuilder out = new StringBuilder();

    MarkdownTable(String... headers) {
        row(List.of(headers));
        out.append('|').append(" --- |".repeat(headers.length)).append('\n');
    }

    MarkdownTable row(List<String> cells) {
        out.append('|');
        for (String cell : cells) out.append(' ').append(cell(cell)).append(" |");
        out.append('\n');
        return this;
    }

    MarkdownTable row(String... cells) {
        return row(List.of(cells));
    }

    /** Pipes are escaped, line breaks flattened, angle brackets entity-encoded, long text cut. */
    static String cell(String text) {
        if (text == null || text.isEmpty()) return "";
        String flat = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
        if (flat.length() > MAX_CELL) flat = flat.substring(0, MAX_CELL) + "…";
        return flat.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
