package dev.winnow.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the record elements of an XML export (PubMed, EndNote): StAX over the whole file, with
 * each record's subtree (small) held as an {@link Element} while it is mapped. DTDs are neither
 * fetched nor read, external entities are off (XXE): an export is untrusted input.
 */
public final class XmlRecords {
    private static final XMLInputFactory FACTORY = factory();

    private XmlRecords() {
    }

    private static XMLInputFactory factory() {
        XmlLimits.lift();
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** An element: its name, attributes, and content (text and child elements in order). */
    public static final class Element {
        private final String name;
        private final Map<String, String> attributes;
        private final List<Object> content = new ArrayList<>();
        private final long line;

        Element(String name, Map<String, String> attributes, long line) {
            this.name = name;
            this.attributes = attributes;
            this.line = line;
        }

        public String name() {
            return name;
        }

        public long line() {
            return line;
        }

        public String attr(String attribute) {
            return attributes.get(attribute);
        }

        /** Child elements, in order. */
        public List<Element> children() {
            List<Element> out = new ArrayList<>();
            for (Object o : content) {
                if (o instanceof Element e) {
                    out.add(e);
                }
            }
            return out;
        }

        public List<Element> children(String childName) {
            return children().stream().filter(e -> e.name.equals(childName)).toList();
        }

        /** The first child with this name, or null. */
        public Element child(String childName) {
            for (Object o : content) {
                if (o instanceof Element e && e.name.equals(childName)) {
                    return e;
                }
            }
            return null;
        }

        /** Follows child names separated by '/'; null when a step is missing. */
        public Element at(String path) {
            Element e = this;
            for (String step : path.split("/")) {
                e = e.child(step);
                if (e == null) {
                    return null;
                }
            }
            return e;
        }

        /** Every element at the end of a path (each step may match several children). */
        public List<Element> all(String path) {
            List<Element> current = List.of(this);
            for (String step : path.split("/")) {
                List<Element> next = new ArrayList<>();
                for (Element e : current) {
                    next.addAll(e.children(step));
                }
                current = next;
            }
            return current;
        }

        /** The text content (descendants' text in document order), whitespace runs as one space; null when blank. */
        public String text() {
            return text(Set.of());
        }

        /**
         * The text content as {@link #text()}, with the text of descendants named in
         * {@code parenthesised} written in parentheses (PubMed's plain-text rendering of
         * {@code <sup>} and {@code <sub>}: "m<sup>-2</sup>" reads "m(-2)").
         */
        public String text(Set<String> parenthesised) {
            StringBuilder sb = new StringBuilder();
            appendText(sb, parenthesised);
            String s = sb.toString().replaceAll("\\s+", " ").strip();
            return s.isEmpty() ? null : s;
        }

        /** The text of the element at a path, or null. */
        public String text(String path) {
            Element e = at(path);
            return e == null ? null : e.text();
        }

        private void appendText(StringBuilder sb, Set<String> parenthesised) {
            for (Object o : content) {
                if (o instanceof Element e) {
                    if (!parenthesised.contains(e.name)) {
                        e.appendText(sb, parenthesised);
                        continue;
                    }
                    StringBuilder inner = new StringBuilder();
                    e.appendText(inner, parenthesised);
                    String t = inner.toString().strip();
                    boolean wrapped = t.startsWith("(") && t.endsWith(")");
                    sb.append(t.isEmpty() || wrapped ? t : "(" + t + ")");
                } else {
                    sb.append((String) o);
                }
            }
        }

        /** The element written back as XML (the record's raw text for provenance). */
        public String toXml() {
            StringBuilder sb = new StringBuilder();
            writeXml(sb);
            return sb.toString();
        }

        private void writeXml(StringBuilder sb) {
            sb.append('<').append(name);
            attributes.forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(escape(v, true)).append('"'));
            if (content.isEmpty()) {
                sb.append("/>");
                return;
            }
            sb.append('>');
            for (Object o : content) {
                if (o instanceof Element e) {
                    e.writeXml(sb);
                } else {
                    sb.append(escape((String) o, false));
                }
            }
            sb.append("</").append(name).append('>');
        }
    }

    /** XML text escaping (for attributes also quotes). */
    public static String escape(String s, boolean attribute) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Reads the file and hands every element named in {@code recordNames} (at any depth, not
     * nested in another record) to {@code onRecord}. Returns the name of the root element.
     * Malformed XML is a {@link ParseException} with the line.
     */
    public static String stream(Reader in, String fileName, Set<String> recordNames, Consumer<Element> onRecord)
            throws IOException {
        XMLStreamReader x = null;
        String root = null;
        try {
            x = FACTORY.createXMLStreamReader(in);
            List<Element> stack = new ArrayList<>();
            while (x.hasNext()) {
                int event = x.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = x.getLocalName();
                        if (root == null) {
                            root = name;
                        }
                        if (stack.isEmpty() && !recordNames.contains(name)) {
                            continue;
                        }
                        Map<String, String> attrs = new LinkedHashMap<>();
                        for (int i = 0; i < x.getAttributeCount(); i++) {
                            attrs.put(x.getAttributeLocalName(i), x.getAttributeValue(i));
                        }
                        Element e = new Element(name, attrs, x.getLocation().getLineNumber());
                        if (!stack.isEmpty()) {
                            stack.get(stack.size() - 1).content.add(e);
                        }
                        stack.add(e);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (!stack.isEmpty()) {
                            Element done = stack.remove(stack.size() - 1);
                            if (stack.isEmpty()) {
                                onRecord.accept(done);
                            }
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!stack.isEmpty()) {
                            stack.get(stack.size() - 1).content.add(x.getText());
                        }
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> {
                        if (!stack.isEmpty()) {
                            String text = x.getText();
                            stack.get(stack.size() - 1).content.add(text == null ? "" : text);
                        }
                    }
                    default -> {
                        // comments, processing instructions, the DTD: nothing to keep
                    }
                }
            }
            return root;
        } catch (XMLStreamException e) {
            Location loc = e.getLocation();
            String msg = e.getMessage() == null ? "malformed XML" : e.getMessage();
            int cut = msg.indexOf("Message: ");
            if (cut >= 0) {
                msg = msg.substring(cut + 9);
            }
            throw new ParseException(fileName, loc == null ? 0 : loc.getLineNumber(), "not well-formed XML: " + msg.strip(), e);
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException ignored) {
                    // closing a broken stream: the first error has been reported
                }
            }
        }
    }
}
