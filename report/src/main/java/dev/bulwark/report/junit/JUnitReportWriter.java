package dev.bulwark.report.junit;

import dev.bulwark.core.Coverage;
import dev.bulwark.core.Finding;
import dev.bulwark.core.engine.CheckRun;
import dev.bulwark.correlate.Assessment;
import dev.bulwark.report.AtomicFiles;
import dev.bulwark.report.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml}: one test suite per target, one test case per check run; a finding is a failure, a check
 * that could not reach a verdict is skipped with its reason. CI systems show it without any plugin.
 */
public final class JUnitReportWriter implements ReportWriter {
    public static final String FILE_NAME = "junit.xml";

    @Override
    public String format() {
        return "junit";
    }

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public void write(Assessment assessment, ToolInfo tool, Path outDir) throws IOException {
        AtomicFiles.write(outDir.resolve(FILE_NAME), out -> render(assessment, out));
    }

    /** One test case: a check on a target, with the findings it produced there. */
    private record Case(String check, String target, CheckRun run, List<Finding> findings) {
    }

    static void render(Assessment assessment, OutputStream out) throws IOException {
        Map<String, List<Case>> suites = suites(assessment);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "bulwark: " + XmlText.clean(assessment.run().engagement()));
            writeCounts(xml, suites.values().stream().flatMap(List::stream).toList());
            for (var suite : suites.entrySet()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", XmlText.clean(suite.getKey()));
                writeCounts(xml, suite.getValue());
                if (assessment.run().startedAt() != null) {
                    xml.writeAttribute("timestamp", assessment.run().startedAt().toString());
                }
                for (Case c : suite.getValue()) writeCase(xml, suite.getKey(), c);
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write junit.xml", e);
        }
    }

    /** Check runs grouped by target (in run order), plus findings whose check run is not listed. */
    private static Map<String, List<Case>> suites(Assessment assessment) {
        var cases = new LinkedHashMap<String, Case>();
        for (CheckRun r : assessment.run().checkRuns()) {
            cases.putIfAbsent(key(r.check(), r.target()), new Case(r.check(), target(r.target()), r, new ArrayList<>()));
        }
        for (Finding f : assessment.findings()) {
            cases.computeIfAbsent(key(f.check(), f.target()),
                    k -> new Case(f.check(), target(f.target()), null, new ArrayList<>())).findings().add(f);
        }
        var suites = new LinkedHashMap<String, List<Case>>();
        for (Case c : cases.values()) suites.computeIfAbsent(c.target(), t -> new ArrayList<>()).add(c);
        return suites;
    }

    private static String key(String check, String target) {
        return check + '\u0000' + target(target);
    }

    private static String target(String target) {
        return target == null || target.isBlank() ? "(no target)" : target;
    }

    private static boolean skipped(Case c) {
        return c.findings().isEmpty() && c.run() != null && c.run().coverage() == Coverage.NOT_TESTED;
    }

    private static void writeCounts(XMLStreamWriter xml, List<Case> cases) throws XMLStreamException {
        xml.writeAttribute("tests", String.valueOf(cases.size()));
        xml.writeAttribute("failures", String.valueOf(cases.stream().filter(c -> !c.findings().isEmpty()).count()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", String.valueOf(cases.stream().filter(JUnitReportWriter::skipped).count()));
    }

    private static void writeCase(XMLStreamWriter xml, String suite, Case c) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "bulwark." + XmlText.clean(suite));
        xml.writeAttribute("name", XmlText.clean(c.check()));
        for (Finding f : c.findings()) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("failure");
            xml.writeAttribute("message", XmlText.clean(f.id() + " [" + f.severity().label() + "] " + f.title()));
            xml.writeAttribute("type", f.severity().label());
            xml.writeCharacters(XmlText.clean(details(f)));
            xml.writeEndElement();
        }
        if (skipped(c)) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("skipped");
            xml.writeAttribute("message", XmlText.clean("not tested: " + c.run().note()));
            xml.writeEndElement();
        }
        if (!c.findings().isEmpty() || skipped(c)) xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static String details(Finding f) {
        var text = new StringBuilder();
        text.append(f.id()).append(' ').append(f.title()).append('\n');
        text.append("severity: ").append(f.severity().label()).append(", confidence: ").append(f.confidence().label());
        if (f.cvss() != null) text.append(", CVSS ").append(f.cvss().score()).append(' ').append(f.cvss().vector());
        text.append('\n');
        var ids = new ArrayList<String>(f.cwe());
        ids.addAll(f.owaspLlm());
        ids.addAll(f.atlas());
        if (!ids.isEmpty()) text.append("maps to: ").append(String.join(", ", ids)).append('\n');
        text.append("attempts: ").append(f.evidence().attempts()).append(", successes: ")
                .append(f.evidence().successes()).append('\n');
        if (!f.description().isBlank()) text.append('\n').append(f.description()).append('\n');
        if (!f.remediation().isBlank()) text.append("\nremediation: ").append(f.remediation()).append('\n');
        return text.toString();
    }
}
