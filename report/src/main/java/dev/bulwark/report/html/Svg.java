package dev.bulwark.report.html;

import java.util.Locale;

/**
 * A minimal SVG writer for the report's inline charts. Every piece of text goes through {@link #escape}, because
 * chart labels can carry names that came from a scope file or a catalog.
 */
final class Svg {
    private final StringBuilder out = new StringBuilder();

    Svg(int width, int height, String title) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" class=\"chart\" aria-label=\"")
                .append(escape(title)).append("\"><title>").append(escape(title)).append("</title>");
    }

    static String escape(String text) {
        if (text == null) return "";
        var sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c < 0x20 && c != '\t' && c != '\n' ? ' ' : c);
            }
        }
        return sb.toString();
    }

    /** Cuts a label to fit a box; the full text stays available as a tooltip via {@link #rect}'s title. */
    static String fit(String text, int maxChars) {
        if (text == null) return "";
        return text.length() <= maxChars ? text : text.substring(0, Math.max(1, maxChars - 1)) + "…";
    }

    /**
     * Breaks a label into at most {@code maxLines} lines of at most {@code maxChars} at spaces (a word longer than a
     * line is cut); what does not fit ends in "…". The full text stays available as a tooltip.
     */
    static java.util.List<String> wrap(String text, int maxChars, int maxLines) {
        var lines = new java.util.ArrayList<String>();
        if (text == null || text.isBlank()) return lines;
        var line = new StringBuilder();
        String[] words = text.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (line.isEmpty() || line.length() + 1 + word.length() <= maxChars) {
                if (!line.isEmpty()) line.append(' ');
                line.append(word);
                continue;
            }
            if (lines.size() == maxLines - 1) {
                lines.add(fit(line + " " + String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length)), maxChars));
                return lines;
            }
            lines.add(fit(line.toString(), maxChars));
            line = new StringBuilder(word);
        }
        lines.add(fit(line.toString(), maxChars));
        return lines;
    }

    Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
        return rect(x, y, w, h, fill, null, tooltip);
    }

    /** A rounded box; {@code stroke} (a colour) may be null for none, {@code tooltip} null for no title. */
    Svg rect(double x, double y, double w, double h, String fill, String stroke, String tooltip) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(w)).append("\" height=\"").append(num(h)).append("\" rx=\"4\" fill=\"")
                .append(fill).append('"');
        if (stroke != null) out.append(" stroke=\"").append(stroke).append('"');
        if (tooltip == null) {
            out.append("/>");
        } else {
            out.append("><title>").append(escape(tooltip)).append("</title></rect>");
        }
        return this;
    }

    Svg text(double x, double y, String text, String cssClass, String anchor) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" class=\"")
                .append(cssClass).append("\" text-anchor=\"").append(anchor).append("\">")
                .append(escape(text)).append("</text>");
        return this;
    }

    /** Text turned a quarter left around its anchor point, for a vertical axis title. */
    Svg verticalText(double x, double y, String text, String cssClass) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" class=\"")
                .append(cssClass).append("\" text-anchor=\"middle\" transform=\"rotate(-90 ").append(num(x))
                .append(' ').append(num(y)).append(")\">").append(escape(text)).append("</text>");
        return this;
    }

    /** An arrow head marker, referenced by {@code marker-end="url(#id)"} (a local reference, not a resource). */
    Svg arrowMarker(String id) {
        out.append("<defs><marker id=\"").append(id).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" ")
                .append("markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                .append("<path d=\"M 0 0 L 10 5 L 0 10 z\" class=\"arrowhead\"/></marker></defs>");
        return this;
    }

    Svg arrow(double x1, double y1, double x2, double y2, String markerId) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2))
                .append("\" class=\"edge\" marker-end=\"url(#").append(markerId).append(")\"/>");
        return this;
    }

    private static String num(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    String end() {
        return out.append("</svg>").toString();
    }
}
