package dev.bulwark.cli;

import dev.bulwark.report.DiffResult;
import dev.bulwark.report.json.FindingsDocument;
import dev.bulwark.report.json.FindingsDocument.FindingEntry;
import dev.bulwark.report.json.FindingsDocument.NotTestedEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Before/after per finding of the target that was put behind the gateway: fixed, still there (with the reason a
 * gateway cannot fix it, or a plain "should be fixed" when it can), or new. A fixed finding whose check could not
 * get a single answer through the gateway is marked so: every probe was refused, which closes the weakness but is
 * not the same as the target answering safely.
 */
record RetestTable(String target, List<Row> rows) {

    enum Status {
        FIXED("fixed"), REFUSED("fixed (the gateway refused the probes)"), REMAINS("still there"), NEW("new");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }

    /**
     * @param reason why it remains (empty when the gateway should have closed it); for {@link Status#REFUSED}, why
     *               the check could not judge an answer through the gateway
     */
    record Row(String check, String severity, String title, Status status, String reason) {
        boolean unexplained() {
            return (status == Status.REMAINS || status == Status.NEW) && reason.isEmpty();
        }
    }

    static RetestTable of(String target, FindingsDocument before, FindingsDocument after, DiffResult diff) {
        Set<String> fixed = new HashSet<>();
        diff.fixed().forEach(i -> fixed.add(i.fingerprint()));
        Map<String, String> notTested = new HashMap<>();
        if (after.coverage() != null) {
            for (NotTestedEntry n : after.coverage().notTested()) {
                if (target.equals(n.target())) notTested.put(n.check(), firstClause(n.reason()));
            }
        }
        var rows = new ArrayList<Row>();
        for (FindingEntry f : before.findings()) {
            if (!target.equals(f.target())) continue;
            if (fixed.contains(f.fingerprint())) {
                String refused = notTested.get(f.check());
                rows.add(new Row(f.check(), f.severity().label(), f.title(),
                        refused != null ? Status.REFUSED : Status.FIXED, refused != null ? refused : ""));
            } else {
                rows.add(new Row(f.check(), f.severity().label(), f.title(), Status.REMAINS,
                        BeyondGateway.reason(f.check()).orElse("")));
            }
        }
        for (DiffResult.Item added : diff.added()) {
            if (!target.equals(added.target())) continue;
            rows.add(new Row(added.check(), added.severity().label(), added.title(), Status.NEW,
                    BeyondGateway.reason(added.check()).orElse("")));
        }
        return new RetestTable(target, rows);
    }

    long count(Status status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }

    /** Findings that remain although a gateway should close them. */
    List<Row> unexplained() {
        return rows.stream().filter(Row::unexplained).toList();
    }

    String toText() {
        var out = new StringBuilder();
        int width = rows.stream().mapToInt(r -> r.check().length()).max().orElse(10);
        for (Row r : rows) {
            out.append(String.format("  %-" + width + "s  %-7s %s%n", r.check(), r.severity(), r.status().label));
            if (r.status() == Status.REFUSED) {
                out.append(" ".repeat(width + 4)).append("(not judged through the gateway: ").append(r.reason()).append(")\n");
            } else if (r.status() == Status.REMAINS || r.status() == Status.NEW) {
                out.append(" ".repeat(width + 4)).append("why: ")
                        .append(r.reason().isEmpty() ? "not a limit of gateways: the gateway should close this" : r.reason())
                        .append('\n');
            }
        }
        return out.toString();
    }

    String toMarkdown() {
        var out = new StringBuilder();
        out.append("| check | severity | before | after | why it remains |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append("| `").append(r.check()).append("` | ").append(r.severity()).append(" | ")
                    .append(r.status() == Status.NEW ? "—" : "found").append(" | ").append(r.status().label)
                    .append(" | ").append(cell(r.status() == Status.REFUSED ? "" : r.reason())).append(" |\n");
        }
        return out.toString();
    }

    /** A not-tested reason up to its first colon (what follows is the reply that caused it). */
    private static String firstClause(String reason) {
        String r = reason == null ? "" : reason;
        int colon = r.indexOf(':');
        String head = colon > 0 ? r.substring(0, colon) : r;
        return head.length() > 160 ? head.substring(0, 160) + "…" : head;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replaceAll("[\\r\\n]+", " ");
    }
}
