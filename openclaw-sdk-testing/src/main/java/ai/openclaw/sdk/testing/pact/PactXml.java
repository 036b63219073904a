package ai.openclaw.sdk.testing.pact;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * XML bodies compared as the specification's version-3 text describes: elements by name, then their attributes (a map:
 * every expected one, others only where unexpected keys are allowed), their child elements (grouped by name; where a
 * rule names the children, each actual child is judged by the first expected one and their number by the rule's
 * {@code min}/{@code max}; otherwise pairwise, none missing and, in requests, none extra) and their text (joined,
 * trimmed). Rule paths name elements ({@code $.animals.alligator}), attributes ({@code
 * $.animals.alligator['@phoneNumber']}) and text ({@code $.animals.alligator['#text']}).
 *
 * <p>Documents are parsed with DTDs and external entities refused.
 */
final class PactXml {
    private final PactMatching rules;
    private final boolean allowUnexpected;
    private final List<PactMismatch> out = new ArrayList<>();

    private PactXml(PactMatching rules, boolean allowUnexpected) {
        this.rules = rules;
        this.allowUnexpected = allowUnexpected;
    }

    /** Whether a body looks like an XML document (its first non-blank character opens a tag). */
    static boolean looksLikeXml(@Nullable String text) {
        return text != null && text.stripLeading().startsWith("<");
    }

    /** The differences between two documents; a document that does not parse is one difference. */
    static List<PactMismatch> compare(
            PactMatching rules, String expected, @Nullable String actual, boolean allowUnexpected) {
        PactXml x = new PactXml(rules, allowUnexpected);
        Element want;
        try {
            want = parse(expected);
        } catch (IOException | SAXException e) {
            return List.of(new PactMismatch(
                    "body",
                    "XML",
                    PactMatching.show(com.fasterxml.jackson.databind.node.TextNode.valueOf(expected)),
                    "the expected body is not well-formed XML: " + e.getMessage()));
        }
        if (actual == null || actual.isBlank()) {
            return List.of(new PactMismatch("body", "<" + want.getTagName() + ">", "no body", "expected a body"));
        }
        Element got;
        try {
            got = parse(actual);
        } catch (IOException | SAXException e) {
            return List.of(new PactMismatch(
                    "body", "XML", shorten(actual), "the body is not well-formed XML: " + e.getMessage()));
        }
        // the root element is never repeated, so a min/max rule on it counts its child elements
        int[] sizes = rules.sizes(PactPath.ROOT.key(name(want)));
        if (sizes != null) {
            int children = 0;
            for (List<Element> group : byName(got).values()) {
                children += group.size();
            }
            x.bounds(
                    PactPath.ROOT.key(name(want)),
                    sizes,
                    children,
                    "child elements",
                    "the number of elements in <" + name(want) + "> is out of bounds");
        }
        x.element(PactPath.ROOT, want, got);
        return x.out;
    }

    private static Element parse(String text) throws IOException, SAXException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(text))).getDocumentElement();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses secure settings", e);
        }
    }

    private static String name(Node n) {
        return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    }

    private static String namespace(Node n) {
        return n.getNamespaceURI() == null ? "no namespace" : "namespace " + n.getNamespaceURI();
    }

    /** A mismatch when {@code count} is outside a min/max rule's {@code sizes}; {@code unit} names what was counted. */
    private void bounds(PactPath where, int[] sizes, int count, String unit, String reason) {
        if (count < sizes[0] || count > sizes[1]) {
            out.add(new PactMismatch(
                    "body " + where,
                    sizes[1] == Integer.MAX_VALUE
                            ? "at least " + sizes[0] + " " + unit
                            : sizes[0] + " to " + sizes[1] + " " + unit,
                    count + " " + unit,
                    reason));
        }
    }

    private void element(PactPath parent, Element want, Element got) {
        PactPath path = parent.key(name(want));
        String where = "body " + path;
        if (rules.defined(path)) {
            // a rule on an element judges its text (a type rule: any element of that name)
            List<PactMismatch> m = rules.checkText("body", path, text(want), text(got));
            if (m != null && !m.isEmpty()) {
                out.addAll(m);
                return;
            }
        }
        if (!name(want).equals(name(got))) {
            out.add(new PactMismatch(
                    where, "<" + name(want) + ">", "<" + name(got) + ">", "expected the element " + name(want)));
            return;
        }
        // an element is its namespace and local name: prefixes and where a namespace is declared do not matter; a
        // namespace where none was expected is one more thing that came, allowed where unexpected keys are
        boolean unexpectedNamespace = want.getNamespaceURI() == null && allowUnexpected;
        if (!unexpectedNamespace && !java.util.Objects.equals(want.getNamespaceURI(), got.getNamespaceURI())) {
            out.add(new PactMismatch(
                    where,
                    namespace(want),
                    namespace(got),
                    "expected the element " + name(want) + " in " + namespace(want)));
            return;
        }
        attributes(path, want, got);
        children(path, want, got);
        text(path, want, got);
    }

    private void attributes(PactPath path, Element want, Element got) {
        Map<String, String> expected = attributes(want);
        Map<String, String> actual = attributes(got);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            PactPath at = path.key("@" + e.getKey());
            String value = actual.get(e.getKey());
            if (value == null) {
                out.add(new PactMismatch(
                        "body " + at, e.getValue(), "nothing", "expected the attribute '" + e.getKey() + "'"));
                continue;
            }
            List<PactMismatch> m = rules.checkText("body", at, e.getValue(), value);
            if (m != null) {
                out.addAll(m);
            } else if (!e.getValue().equals(value)) {
                out.add(new PactMismatch("body " + at, e.getValue(), value, "expected the value " + e.getValue()));
            }
        }
        if (!allowUnexpected) {
            for (String name : actual.keySet()) {
                if (!expected.containsKey(name)) {
                    out.add(new PactMismatch(
                            "body " + path.key("@" + name),
                            "no such attribute",
                            actual.get(name),
                            "unexpected attribute '" + name + "'"));
                }
            }
        }
    }

    private static Map<String, String> attributes(Element e) {
        Map<String, String> out = new LinkedHashMap<>();
        NamedNodeMap all = e.getAttributes();
        for (int i = 0; i < all.getLength(); i++) {
            Attr a = (Attr) all.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                out.put(name(a), a.getValue());
            }
        }
        return out;
    }

    private void children(PactPath path, Element want, Element got) {
        Map<String, List<Element>> expected = byName(want);
        Map<String, List<Element>> actual = byName(got);
        for (Map.Entry<String, List<Element>> e : actual.entrySet()) {
            PactPath childPath = path.key(e.getKey());
            List<Element> like = expected.get(e.getKey());
            if (like == null) {
                // where a rule says "elements like these" (a type rule on the parent), another kind is unexpected
                if (!allowUnexpected || rules.defined(childPath)) {
                    out.add(new PactMismatch(
                            "body " + childPath,
                            "no such element",
                            "<" + e.getKey() + ">",
                            "unexpected element <" + e.getKey() + ">"));
                }
                continue;
            }
            if (rules.defined(childPath)) {
                int[] sizes = rules.sizes(childPath);
                if (sizes != null) {
                    bounds(
                            childPath,
                            sizes,
                            e.getValue().size(),
                            "<" + e.getKey() + ">",
                            "the number of <" + e.getKey() + "> elements is out of bounds");
                }
                for (Element child : e.getValue()) {
                    element(path, like.get(0), child);
                }
                continue;
            }
            for (int i = 0; i < Math.max(like.size(), e.getValue().size()); i++) {
                if (i >= e.getValue().size()) {
                    out.add(new PactMismatch(
                            "body " + childPath,
                            like.size() + " <" + e.getKey() + ">",
                            e.getValue().size() + " <" + e.getKey() + ">",
                            "expected element <" + e.getKey() + "> number " + (i + 1) + " is missing"));
                } else if (i >= like.size()) {
                    if (!allowUnexpected) {
                        out.add(new PactMismatch(
                                "body " + childPath,
                                like.size() + " <" + e.getKey() + ">",
                                e.getValue().size() + " <" + e.getKey() + ">",
                                "unexpected element <" + e.getKey() + "> number " + (i + 1)));
                    }
                } else {
                    element(path, like.get(i), e.getValue().get(i));
                }
            }
        }
        for (String name : expected.keySet()) {
            if (!actual.containsKey(name)) {
                out.add(new PactMismatch(
                        "body " + path.key(name),
                        "<" + name + ">",
                        "nothing",
                        "expected element <" + name + "> is missing"));
            }
        }
    }

    private static Map<String, List<Element>> byName(Element parent) {
        Map<String, List<Element>> out = new LinkedHashMap<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.computeIfAbsent(name(e), k -> new ArrayList<>()).add(e);
            }
        }
        return out;
    }

    private void text(PactPath path, Element want, Element got) {
        PactPath at = path.key("#text");
        String expected = text(want);
        String actual = text(got);
        List<PactMismatch> m = rules.checkText("body", at, expected, actual);
        if (m != null) {
            out.addAll(m);
        } else if (!expected.equals(actual)) {
            out.add(new PactMismatch("body " + at, expected, actual, "expected the text '" + expected + "'"));
        }
    }

    /** The element's own text and CDATA, each piece trimmed, joined. */
    private static String text(Element e) {
        StringBuilder b = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                b.append(n.getNodeValue().trim());
            }
        }
        return b.toString();
    }

    private static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
