package dev.bulwark.supply.deps.manifest;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An XML document as a small element tree with line numbers, read with the JDK's StAX parser hardened: no DTDs
 * (a document that declares one is refused), no external entities, nesting and element count bounded.
 */
final class XmlTree {
    private static final XMLInputFactory FACTORY = factory();

    /** One element: local name (namespace dropped), start line, trimmed text, children. */
    record Element(String name, int line, String text, List<Element> children) {
        Optional<Element> child(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).findFirst();
        }

        String childText(String childName) {
            return child(childName).map(Element::text).orElse("");
        }

        List<Element> all(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).toList();
        }

        /** Follows a path of child names. */
        Optional<Element> at(String... names) {
            Optional<Element> current = Optional.of(this);
            for (String n : names) current = current.flatMap(e -> e.child(n));
            return current;
        }
    }

    private XmlTree() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    static Element parse(Path file, String text, ManifestLimits limits) throws ManifestException {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new StringReader(text));
            var stack = new ArrayDeque<Builder>();
            Element root = null;
            long elements = 0;
            long maxElements = Math.max(1_000, limits.maxFileBytes() / 8);
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new ManifestException(file, r.getLocation().getLineNumber(), "",
                            "declares a DTD; refused (entity expansion and external entities are an attack route)");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new ManifestException(file, r.getLocation().getLineNumber(),
                            "", "uses an undeclared entity &" + r.getLocalName() + ";");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (stack.size() >= limits.maxNesting()) {
                            throw new ManifestException(file, r.getLocation().getLineNumber(), r.getLocalName(), "nested deeper than " + limits.maxNesting());
                        }
                        if (++elements > maxElements) {
                            throw new ManifestException(file, r.getLocation().getLineNumber(), "", "more than " + maxElements + " elements");
                        }
                        stack.push(new Builder(r.getLocalName(), r.getLocation().getLineNumber()));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!stack.isEmpty()) stack.peek().text.append(r.getText());
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        Element done = stack.pop().build();
                        if (stack.isEmpty()) root = done;
                        else stack.peek().children.add(done);
                    }
                    default -> { }
                }
            }
            if (root == null) throw new ManifestException(file, 0, "", "no root element");
            return root;
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
            throw new ManifestException(file, line, "", "not well-formed XML: " + Pep508.clip(String.valueOf(e.getMessage())), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    private static final class Builder {
        final String name;
        final int line;
        final StringBuilder text = new StringBuilder();
        final List<Element> children = new ArrayList<>();

        Builder(String name, int line) {
            this.name = name;
            this.line = line;
        }

        Element build() {
            return new Element(name, line, text.toString().strip(), List.copyOf(children));
        }
    }
}
