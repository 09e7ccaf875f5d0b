package io.baton.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads a SubmitReq as a strict MMSC would, independently of Baton's MM7 codec: mime4j for the
 * multipart/related, the JDK DOM for the envelope, elements looked up by namespace. Anything a
 * standard MMSC would refuse is an {@link IllegalArgumentException} saying what.
 */
public final class SubmitReqWire {

    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String MM7 = "http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/REL-6-MM7-1-4";

    /** One content part as the MMSC stores it. */
    public record Part(String mimeType, String contentId, byte[] data) {
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    /** A SubmitReq as received. */
    public record SubmitReq(String transactionId, String vaspId, String vasId, String senderShortCode,
            List<String> recipients, String serviceCode, String linkedId, boolean deliveryReport, String subject,
            List<Part> parts) {
    }

    private SubmitReqWire() {
    }

    static SubmitReq read(String contentType, byte[] body) throws IOException {
        require(contentType != null && contentType.toLowerCase().startsWith("multipart/related"),
                "Content-Type must be multipart/related, was " + contentType);
        Message message = mime(contentType, body, MimeConfig.STRICT);
        ContentTypeField type = (ContentTypeField) message.getHeader().getField("Content-Type");
        require("text/xml".equalsIgnoreCase(type.getParameter("type")), "type parameter must be text/xml");
        String start = type.getParameter("start");
        require(start != null, "start parameter missing");
        Multipart multipart = (Multipart) message.getBody();
        List<Entity> parts = multipart.getBodyParts();
        require(parts.size() == 2, "expected SOAP part and one content part, got " + parts.size());
        Entity soap = parts.get(0);
        require(start.equals(contentId(soap, true)), "start " + start + " does not name the first part");
        require("text/xml".equals(soap.getMimeType()), "SOAP part is " + soap.getMimeType());
        Element envelope = dom(bytes(soap)).getDocumentElement();
        require(SOAP.equals(envelope.getNamespaceURI()) && "Envelope".equals(envelope.getLocalName()),
                "root is not a SOAP 1.1 Envelope");
        Element tx = only(envelope, MM7, "TransactionID");
        require("1".equals(tx.getAttributeNS(SOAP, "mustUnderstand")), "TransactionID without mustUnderstand=1");
        Element submit = only(envelope, MM7, "SubmitReq");
        require(!text(submit, "MM7Version").isEmpty(), "MM7Version missing");
        Element ident = only(submit, MM7, "SenderIdentification");
        List<String> to = new ArrayList<>();
        NodeList numbers = only(submit, MM7, "Recipients").getElementsByTagNameNS(MM7, "Number");
        for (int i = 0; i < numbers.getLength(); i++) {
            to.add(numbers.item(i).getTextContent());
        }
        require(!to.isEmpty(), "no recipient");
        Element content = only(submit, MM7, "Content");
        Entity contentPart = parts.get(1);
        require(("cid:" + contentId(contentPart, false)).equals(content.getAttribute("href")),
                "Content href " + content.getAttribute("href") + " does not name the content part");
        List<Part> leaves = new ArrayList<>();
        require(contentPart.getBody() instanceof Multipart, "content is not a multipart");
        for (Entity e : ((Multipart) contentPart.getBody()).getBodyParts()) {
            leaves.add(new Part(e.getMimeType(), contentId(e, false), bytes(e)));
        }
        return new SubmitReq(tx.getTextContent(), text(ident, "VASPID"), text(ident, "VASID"),
                text(only(ident, MM7, "SenderAddress"), "ShortCode"), to, text(submit, "ServiceCode"),
                text(submit, "LinkedID"), "true".equals(text(submit, "DeliveryReport")), text(submit, "Subject"),
                leaves);
    }

    /** An HTTP body read by mime4j as the message its Content-Type makes it. */
    public static Message mime(String contentType, byte[] body, MimeConfig config) throws IOException {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(config);
        InputStream in = new SequenceInputStream(
                new ByteArrayInputStream(("Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)),
                new ByteArrayInputStream(body));
        return builder.parseMessage(in);
    }

    private static String contentId(Entity e, boolean withBrackets) {
        Field f = e.getHeader().getField("Content-ID");
        require(f != null, "a part without Content-ID");
        String v = f.getBody().strip();
        require(v.startsWith("<") && v.endsWith(">"), "Content-ID without angle brackets: " + v);
        return withBrackets ? v : v.substring(1, v.length() - 1);
    }

    private static byte[] bytes(Entity e) throws IOException {
        try (InputStream in = ((SingleBody) e.getBody()).getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static Document dom(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalArgumentException("SOAP part is not XML: " + e.getMessage());
        }
    }

    private static Element only(Element parent, String ns, String name) {
        NodeList l = parent.getElementsByTagNameNS(ns, name);
        require(l.getLength() == 1, "expected one " + name + " in namespace " + ns + ", found " + l.getLength());
        return (Element) l.item(0);
    }

    private static String text(Element parent, String name) {
        NodeList l = parent.getElementsByTagNameNS(MM7, name);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().strip();
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }
}
