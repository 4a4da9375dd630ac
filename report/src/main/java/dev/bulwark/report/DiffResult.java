package dev.bulwark.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.bulwark.core.Severity;
import dev.bulwark.report.json.JsonSupport;
import java.util.List;

/**
 * Two runs compared by fingerprint: what was fixed (only in the old run), what is new (only in the new run), what
 * is unchanged (in both), and which of the unchanged changed severity. Items carry the new run's ids.
 */
@JsonPropertyOrder({"oldFile", "newFile", "fixed", "new", "unchanged", "severityChanged"})
public record DiffResult(String oldFile, String newFile,
                         List<Item> fixed, @JsonProperty("new") List<Item> added, List<Item> unchanged,
                         List<SeverityChange> severityChanged) {
    public DiffResult {
        fixed = List.copyOf(fixed);
        added = List.copyOf(added);
        unchanged = List.copyOf(unchanged);
        severityChanged = List.copyOf(severityChanged);
    }

    @JsonPropertyOrder({"fingerprint", "id", "check", "severity", "target", "title"})
    public record Item(String fingerprint, String id, String check, Severity severity, String target, String title) {
    }

    @JsonPropertyOrder({"fingerprint", "id", "title", "from", "to"})
    public record SeverityChange(String fingerprint, String id, String title, Severity from, Severity to) {
    }

    /** True when the new run has a finding the old one did not (useful as a CI gate). */
    public boolean hasNew() {
        return !added.isEmpty();
    }

    /** Terminal rendering: counts, then one line per fixed / new finding and per severity change. */
    public String toText() {
        var out = new StringBuilder();
        out.append("old: ").append(oldFile).append('\n').append("new: ").append(newFile).append('\n');
        out.append(fixed.size()).append(" fixed, ").append(added.size()).append(" new, ")
                .append(unchanged.size()).append(" unchanged, ").append(severityChanged.size())
                .append(" changed severity\n");
        section(out, "Fixed", "-", fixed);
        section(out, "New", "+", added);
        if (!severityChanged.isEmpty()) {
            out.append("\nSeverity changed:\n");
            for (SeverityChange c : severityChanged) {
                out.append("  ~ ").append(c.id()).append(' ').append(c.from().label()).append(" -> ")
                        .append(c.to().label()).append("  ").append(oneLine(c.title())).append('\n');
            }
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String heading, String mark, List<Item> items) {
        if (items.isEmpty()) return;
        out.append('\n').append(heading).append(":\n");
        for (Item i : items) {
            out.append("  ").append(mark).append(' ').append(i.id()).append(" [").append(i.severity().label())
                    .append("] ").append(oneLine(i.title())).append(" (").append(oneLine(i.target())).append(", ")
                    .append(i.check()).append(")\n");
        }
    }

    /** Titles come from files: keep control characters (terminal escapes) out of the terminal. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ");
    }

    public String toJson() {
        try {
            return JsonSupport.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize diff", e);
        }
    }
}
