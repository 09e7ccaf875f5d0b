package io.baton.mms.mm7;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the SOAP envelope into an {@link Mm7Message}. Elements are found by local name whatever their
 * namespace (MMSCs qualify some elements and not others, or use an MM7 namespace that does not
 * exist); the namespace of the operation element is reported as is. No DTDs, no entities, a depth
 * limit: an envelope is data, never instructions to the parser.
 */
final class EnvelopeReader {

    /** Finds the content a {@code Content href} points at. */
    interface ContentSource {
        List<Mm7Part> content(String href) throws Mm7Exception;
    }

    /** Errors end the parse (the JDK default prints them to stderr and goes on). */
    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // a warning leaves the document readable
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private final DocumentBuilderFactory factory;
    /** A factory is not promised to be thread-safe; a builder per thread, reset between uses, is. */
    private final ThreadLocal<DocumentBuilder> builders = new ThreadLocal<>();

    EnvelopeReader(int maxDepth) {
        factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be secured", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", maxDepth);
    }

    Mm7Message read(byte[] xml, int from, int to, String where, ContentSource contentSource) throws Mm7Exception {
        Element envelope = parse(xml, from, to, where).getDocumentElement();
        if (!"Envelope".equals(envelope.getLocalName())) {
            throw new Mm7Exception(where, "root element is <" + envelope.getTagName() + ">, not a SOAP Envelope");
        }
        Element header = child(envelope, "Header");
        Element body = child(envelope, "Body");
        if (body == null) {
            throw new Mm7Exception(where, "Envelope has no Body");
        }
        Element op = firstElement(body);
        if (op == null) {
            throw new Mm7Exception(where, "Body is empty");
        }
        Element tx = header == null ? null : child(header, "TransactionID");
        String opName = op.getLocalName();
        Element versioned = op;
        if ("Fault".equals(opName)) {
            Element detail = child(op, "detail");
            Element error = detail == null ? null : firstElement(detail);
            versioned = error == null ? op : error;
        }
        Mm7Header h = new Mm7Header(versioned.getNamespaceURI(), tx == null ? null : text(tx),
                tx == null ? null : tx.getNamespaceURI(), childText(versioned, "MM7Version"));
        String at = where + " " + opName;
        return switch (opName) {
            case "SubmitReq" -> submitReq(op, h, at, contentSource);
            case "SubmitRsp" -> new Mm7Message.SubmitRsp(h, status(op, at), childText(op, "MessageID"));
            case "DeliverReq" -> deliverReq(op, h, at, contentSource);
            case "DeliverRsp" -> new Mm7Message.DeliverRsp(h, status(op, at), childText(op, "ServiceCode"));
            case "DeliveryReportReq" -> new Mm7Message.DeliveryReportReq(h, required(op, "MessageID", at),
                    address(child(op, "Recipient")), address(child(op, "Sender")), childText(op, "Date"),
                    required(op, "MMStatus", at), childText(op, "StatusText"));
            case "DeliveryReportRsp" -> new Mm7Message.DeliveryReportRsp(h, status(op, at));
            case "ReadReplyReq" -> new Mm7Message.ReadReplyReq(h, required(op, "MessageID", at),
                    address(child(op, "Recipient")), address(child(op, "Sender")), childText(op, "TimeStamp"),
                    required(op, "MMStatus", at), childText(op, "StatusText"));
            case "ReadReplyRsp" -> new Mm7Message.ReadReplyRsp(h, status(op, at));
            case "Fault" -> fault(op, versioned, h, at);
            default -> throw new Mm7Exception(at, "unsupported operation " + opName, Mm7Status.UNSUPPORTED_OPERATION);
        };
    }

    private Document parse(byte[] xml, int from, int to, String where) throws Mm7Exception {
        try {
            return builder().parse(new InputSource(new ByteArrayInputStream(xml, from, to - from)));
        } catch (SAXParseException e) {
            throw new Mm7Exception(where + " XML line " + e.getLineNumber() + " column " + e.getColumnNumber(),
                    "not well-formed: " + e.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new Mm7Exception(where, "not readable as XML: " + e.getMessage());
        }
    }

    private DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilder builder = builders.get();
        if (builder != null) {
            builder.reset();
        } else {
            builder = factory.newDocumentBuilder();
            builders.set(builder);
        }
        builder.setErrorHandler(STRICT);
        return builder;
    }

    private static Mm7Message submitReq(Element op, Mm7Header h, String at, ContentSource contentSource)
            throws Mm7Exception {
        Element ident = child(op, "SenderIdentification");
        Element idParent = ident == null ? op : ident;
        Element content = child(op, "Content");
        String href = content == null ? null : href(content);
        return new Mm7Message.SubmitReq(h, childText(idParent, "VASPID"), childText(idParent, "VASID"),
                address(child(idParent, "SenderAddress")), recipients(op, at), childText(op, "ServiceCode"),
                childText(op, "LinkedID"), "true".equalsIgnoreCase(childText(op, "DeliveryReport")),
                childText(op, "Subject"), childText(op, "TimeStamp"), href,
                content == null ? List.of() : contentSource.content(href));
    }

    private static Mm7Message deliverReq(Element op, Mm7Header h, String at, ContentSource contentSource)
            throws Mm7Exception {
        Element content = child(op, "Content");
        String href = content == null ? null : href(content);
        return new Mm7Message.DeliverReq(h, childText(op, "VASPID"), childText(op, "VASID"),
                childText(op, "MMSRelayServerID"), childText(op, "LinkedID"), address(child(op, "Sender")),
                recipients(op, at), childText(op, "TimeStamp"), childText(op, "Priority"), childText(op, "Subject"),
                href, content == null ? List.of() : contentSource.content(href));
    }

    private static Mm7Message fault(Element op, Element error, Mm7Header h, String at) throws Mm7Exception {
        Mm7Status status = error == op ? null : status(error, at + "/detail/" + error.getLocalName());
        return new Mm7Message.Fault(h, childText(op, "faultcode"), childText(op, "faultstring"),
                error == op ? null : error.getLocalName(), status);
    }

    private static Mm7Status status(Element op, String at) throws Mm7Exception {
        Element status = child(op, "Status");
        if (status == null) {
            throw new Mm7Exception(at, "no Status element");
        }
        String code = childText(status, "StatusCode");
        if (code == null) {
            throw new Mm7Exception(at + "/Status", "no StatusCode element");
        }
        try {
            return new Mm7Status(Integer.parseInt(code.strip()), childText(status, "StatusText"));
        } catch (NumberFormatException e) {
            throw new Mm7Exception(at + "/Status/StatusCode", "not a number: \"" + abbreviate(code) + "\"");
        }
    }

    private static List<Mm7Message.Recipient> recipients(Element op, String at) throws Mm7Exception {
        Element recipients = child(op, "Recipients");
        List<Mm7Message.Recipient> out = new ArrayList<>();
        if (recipients == null) {
            return out;
        }
        for (Element field = firstElement(recipients); field != null; field = nextElement(field)) {
            for (Element a = firstElement(field); a != null; a = nextElement(a)) {
                Mm7Address.Kind kind = Mm7Address.Kind.ofElement(a.getLocalName());
                if (kind == null) {
                    throw new Mm7Exception(at + "/Recipients/" + field.getLocalName(),
                            "unknown address element " + a.getLocalName());
                }
                out.add(new Mm7Message.Recipient(field.getLocalName(), new Mm7Address(kind, text(a))));
            }
        }
        return out;
    }

    private static Mm7Address address(Element holder) {
        if (holder == null) {
            return null;
        }
        for (Element a = firstElement(holder); a != null; a = nextElement(a)) {
            Mm7Address.Kind kind = Mm7Address.Kind.ofElement(a.getLocalName());
            if (kind != null) {
                return new Mm7Address(kind, text(a));
            }
        }
        return null;
    }

    /** {@code href} unqualified as the schema says, or namespaced ({@code mm7:href}) as some MMSCs write it. */
    private static String href(Element content) {
        if (content.hasAttribute("href")) {
            return content.getAttribute("href");
        }
        var attrs = content.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            if ("href".equals(a.getLocalName())) {
                return a.getNodeValue();
            }
        }
        return null;
    }

    private static String required(Element op, String name, String at) throws Mm7Exception {
        String value = childText(op, name);
        if (value == null || value.isBlank()) {
            throw new Mm7Exception(at + "/" + name, "missing (mandatory)");
        }
        return value;
    }

    static Element child(Element parent, String localName) {
        for (Element e = firstElement(parent); e != null; e = nextElement(e)) {
            if (localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String childText(Element parent, String localName) {
        Element e = child(parent, localName);
        return e == null ? null : text(e);
    }

    private static String text(Element e) {
        return e.getTextContent().strip();
    }

    private static Element firstElement(Node parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static Element nextElement(Node node) {
        for (Node n = node.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
