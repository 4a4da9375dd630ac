package dev.bulwark.supply.model.formats;

import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelIssue;

/** The issue every reader reports when it cannot vouch for a file, worded the same way across formats. */
final class Issues {
    private Issues() {
    }

    /** Medium: we could not look inside, so whatever the file holds stays unchecked. */
    static ModelIssue notVerified(String format, long offset, String why) {
        return new ModelIssue(IssueKind.NOT_VERIFIED, Severity.MEDIUM, "", offset, format,
                "Not verified as " + format + ": " + why + ".");
    }

    static ModelIssue notVerified(String format, MalformedModelException e) {
        return notVerified(format, e.offset(), e.getMessage());
    }

    /** Trims text taken from a scanned file before it goes into a report: bounded length, no control characters. */
    static String excerpt(String text, int max) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 1);
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (text.length() > max) out.append('…');
        return out.toString();
    }
}
