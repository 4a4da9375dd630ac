package dev.bulwark.correlate;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.kb.Control;
import dev.bulwark.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The prioritized fix list: every control a scenario or finding names, ranked by how many scenarios switching it
 * on would break (only a preventive control breaks one: a detective control names every scenario it could notice,
 * which must not put an audit log above the fixes), then preventive before detective before corrective, then how
 * many scenarios it names, then how many findings it addresses, then the worst severity among them.
 */
final class ControlRanker {
    private ControlRanker() {
    }

    static List<RankedControl> rank(KnowledgeBase kb, List<Finding> findings, List<Scenario> scenarios) {
        var ids = new LinkedHashSet<String>();
        scenarios.forEach(s -> ids.addAll(s.controls()));
        findings.forEach(f -> ids.addAll(f.controls()));

        var rows = new ArrayList<Row>();
        for (String id : ids) {
            List<String> named = scenarios.stream().filter(s -> s.controls().contains(id)).map(Scenario::id).toList();
            List<Finding> fixes = findings.stream().filter(f -> f.controls().contains(id)).toList();
            Severity worst = fixes.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElse(Severity.INFO);
            // a control the catalog does not know is treated as preventive: it was named as a fix
            Control.Kind kind = kb.control(id).map(Control::kind).orElse(Control.Kind.PREVENTIVE);
            rows.add(new Row(id, kind, named, fixes.stream().map(Finding::id).toList(), worst));
        }
        rows.sort(Comparator.comparingInt(Row::breaks).reversed()
                .thenComparing(Row::kind)
                .thenComparing(Comparator.comparingInt((Row r) -> r.scenarios().size()).reversed())
                .thenComparing(Comparator.comparingInt((Row r) -> r.findings().size()).reversed())
                .thenComparing(Row::worst)
                .thenComparing(Row::control));

        var ranked = new ArrayList<RankedControl>();
        for (Row r : rows) {
            var control = kb.control(r.control());
            ranked.add(new RankedControl(ranked.size() + 1, r.control(), control.map(Control::title).orElse(r.control()),
                    control.map(Control::bulwarkFeature).orElse(""), r.scenarios(), r.findings(), r.kind()));
        }
        return List.copyOf(ranked);
    }

    private record Row(String control, Control.Kind kind, List<String> scenarios, List<String> findings,
                       Severity worst) {
        int breaks() {
            return kind == Control.Kind.PREVENTIVE ? scenarios.size() : 0;
        }
    }
}
