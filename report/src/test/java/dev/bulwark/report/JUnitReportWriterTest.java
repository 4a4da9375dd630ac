package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.report.junit.JUnitReportWriter;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReportWriterTest {
    @TempDir
    Path dir;

    private Document parsed() throws Exception {
        new JUnitReportWriter().write(Fixtures.assessment(), Fixtures.TOOL, dir);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(dir.resolve("junit.xml").toFile());
    }

    @Test
    void oneSuitePerTargetOneCasePerCheckRun() throws Exception {
        Element root = parsed().getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("7");
        assertThat(root.getAttribute("failures")).isEqualTo("5");
        assertThat(root.getAttribute("skipped")).isEqualTo("1");
        NodeList suites = root.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(3);
        Element form = (Element) suites.item(0);
        assertThat(form.getAttribute("name")).isEqualTo("form");
        assertThat(form.getAttribute("tests")).isEqualTo("3");
        assertThat(form.getAttribute("failures")).isEqualTo("2");
    }

    @Test
    void findingsAreFailuresAndNotTestedIsSkippedWithItsReason() throws Exception {
        Document doc = parsed();
        NodeList failures = doc.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(5);
        Element injection = (Element) failures.item(2);
        assertThat(((Element) injection.getParentNode()).getAttribute("name")).isEqualTo("llm.prompt-injection");
        assertThat(injection.getAttribute("message")).isEqualTo("F-0002 [high] Assistant follows injected instructions");
        assertThat(injection.getAttribute("type")).isEqualTo("high");
        assertThat(injection.getTextContent()).contains("CWE-1427", "attempts: 12, successes: 5");
        Element skipped = (Element) doc.getElementsByTagName("skipped").item(0);
        assertThat(((Element) skipped.getParentNode()).getAttribute("name")).isEqualTo("llm.system-prompt-leak");
        assertThat(skipped.getAttribute("message")).contains("HTTP 429 <rate limited>");
    }

    @Test
    void hostileTextStaysWellFormed() throws Exception {
        Document doc = parsed();
        Element pickle = (Element) doc.getElementsByTagName("failure").item(4);
        // control character replaced, markup and CDATA terminator kept as text
        assertThat(pickle.getAttribute("message")).contains("Pickle | opcode \uFFFD imports os.system ]]> <b>");
        assertThat(doc.getDocumentElement().getAttribute("name")).isEqualTo("bulwark: Molly's Bakery <support bot>");
    }
}
