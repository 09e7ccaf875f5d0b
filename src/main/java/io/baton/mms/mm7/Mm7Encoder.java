package io.baton.mms.mm7;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Writes MM7 messages: the SOAP envelope (TransactionID in the header, every MM7 element in the
 * message's namespace, or unqualified when it has none) and, for a message with content, a
 * multipart/related whose first part is the envelope ({@code start}) and whose second is the content
 * as one nested multipart/related (binary parts base64). Boundaries are derived from the
 * TransactionID so the same message always encodes to the same bytes.
 */
public final class Mm7Encoder {

    public static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SOAP_CONTENT_ID = "mm7-soap";
    private static final String CONTENT_ID = "mm7-content";

    public Mm7Body encode(Mm7Message message) {
        String xml = envelope(message);
        List<Mm7Part> content = message instanceof Mm7Message.SubmitReq s ? s.content()
                : message instanceof Mm7Message.DeliverReq d ? d.content() : List.of();
        if (content.isEmpty()) {
            return new Mm7Body("text/xml; charset=utf-8", xml.getBytes(StandardCharsets.UTF_8));
        }
        String id = message.header().transactionId() == null ? "0" : message.header().transactionId();
        String outer = "=_mm7_" + Integer.toHexString(id.hashCode()) + "_outer";
        String inner = "=_mm7_" + Integer.toHexString(id.hashCode()) + "_content";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "--" + outer + "\r\nContent-Type: text/xml; charset=utf-8\r\nContent-ID: <" + SOAP_CONTENT_ID
                + ">\r\n\r\n" + xml + "\r\n--" + outer + "\r\n");
        String innerType = "multipart/related; boundary=\"" + inner + "\"";
        if (content.get(0).mediaType().equals("application/smil") && content.get(0).contentId() != null) {
            innerType += "; type=\"application/smil\"; start=\"<" + content.get(0).contentId() + ">\"";
        }
        write(out, "Content-Type: " + innerType + "\r\nContent-ID: <" + CONTENT_ID + ">\r\n\r\n");
        for (Mm7Part p : content) {
            StringBuilder h = new StringBuilder("--" + inner + "\r\nContent-Type: " + p.contentType() + "\r\n");
            if (p.contentId() != null) {
                h.append("Content-ID: <").append(p.contentId()).append(">\r\n");
            }
            if (p.contentLocation() != null) {
                h.append("Content-Location: ").append(p.contentLocation()).append("\r\n");
            }
            boolean text = p.mediaType().startsWith("text/") || p.mediaType().equals("application/smil");
            h.append("Content-Transfer-Encoding: ").append(text ? "8bit" : "base64").append("\r\n\r\n");
            write(out, h.toString());
            out.writeBytes(text ? p.data() : Base64.getMimeEncoder().encode(p.data()));
            write(out, "\r\n");
        }
        write(out, "--" + inner + "--\r\n\r\n--" + outer + "--\r\n");
        return new Mm7Body("multipart/related; boundary=\"" + outer + "\"; type=\"text/xml\"; start=\"<"
                + SOAP_CONTENT_ID + ">\"", out.toByteArray());
    }

    /** The SOAP envelope alone. */
    public String envelope(Mm7Message message) {
        Mm7Header h = message.header();
        Xml x = new Xml(h.namespace());
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<env:Envelope xmlns:env=\"" + SOAP_NS + "\"");
        x.raw(h.namespace() == null ? "" : " xmlns:mm7=\"" + Xml.escape(h.namespace()) + "\"").raw(">\n");
        if (h.transactionId() != null) {
            x.raw("<env:Header>").open("TransactionID", " env:mustUnderstand=\"1\"").text(h.transactionId())
                    .close("TransactionID").raw("</env:Header>\n");
        }
        x.raw("<env:Body>\n");
        if (message instanceof Mm7Message.Fault f) {
            fault(x, f);
        } else {
            x.open(message.operation(), "");
            x.element("MM7Version", h.mm7Version());
            body(x, message);
            x.close(message.operation());
        }
        return x.raw("\n</env:Body>\n</env:Envelope>\n").toString();
    }

    private static void body(Xml x, Mm7Message message) {
        if (message instanceof Mm7Message.SubmitReq s) {
            x.open("SenderIdentification", "").element("VASPID", s.vaspId()).element("VASID", s.vasId());
            address(x, "SenderAddress", s.senderAddress());
            x.close("SenderIdentification");
            recipients(x, s.recipients());
            x.element("ServiceCode", s.serviceCode()).element("LinkedID", s.linkedId());
            x.element("TimeStamp", s.timeStamp()).element("DeliveryReport", Boolean.toString(s.deliveryReport()))
                    .element("Subject", s.subject());
            content(x, s.contentHref(), s.content());
        } else if (message instanceof Mm7Message.DeliverReq d) {
            x.element("VASPID", d.vaspId()).element("VASID", d.vasId());
            x.element("MMSRelayServerID", d.relayServerId()).element("LinkedID", d.linkedId());
            address(x, "Sender", d.sender());
            recipients(x, d.recipients());
            x.element("TimeStamp", d.timeStamp()).element("Priority", d.priority())
                    .element("Subject", d.subject());
            content(x, d.contentHref(), d.content());
        } else if (message instanceof Mm7Message.DeliveryReportReq r) {
            x.element("MessageID", r.messageId());
            address(x, "Recipient", r.recipient());
            address(x, "Sender", r.sender());
            x.element("Date", r.date()).element("MMStatus", r.mmStatus()).element("StatusText", r.statusText());
        } else if (message instanceof Mm7Message.ReadReplyReq r) {
            x.element("MessageID", r.messageId());
            address(x, "Recipient", r.recipient());
            address(x, "Sender", r.sender());
            x.element("TimeStamp", r.date()).element("MMStatus", r.mmStatus())
                    .element("StatusText", r.statusText());
        } else if (message instanceof Mm7Message.SubmitRsp r) {
            status(x, r.status());
            x.element("MessageID", r.messageId());
        } else if (message instanceof Mm7Message.DeliverRsp r) {
            status(x, r.status());
            x.element("ServiceCode", r.serviceCode());
        } else if (message instanceof Mm7Message.DeliveryReportRsp r) {
            status(x, r.status());
        } else if (message instanceof Mm7Message.ReadReplyRsp r) {
            status(x, r.status());
        }
    }

    private static void fault(Xml x, Mm7Message.Fault f) {
        x.raw("<env:Fault><faultcode>").raw(Xml.escape(f.faultCode() == null ? "env:Client" : f.faultCode()))
                .raw("</faultcode><faultstring>").raw(Xml.escape(f.faultString() == null ? "" : f.faultString()))
                .raw("</faultstring>");
        if (f.status() != null) {
            String error = f.errorElement() == null ? "RSErrorRsp" : f.errorElement();
            x.raw("<detail>").open(error, "").element("MM7Version", f.header().mm7Version());
            status(x, f.status());
            x.close(error).raw("</detail>");
        }
        x.raw("</env:Fault>");
    }

    private static void status(Xml x, Mm7Status s) {
        x.open("Status", "").element("StatusCode", Integer.toString(s.code())).element("StatusText", s.text())
                .close("Status");
    }

    private static void recipients(Xml x, List<Mm7Message.Recipient> recipients) {
        if (recipients.isEmpty()) {
            return;
        }
        x.open("Recipients", "");
        for (Mm7Message.Recipient r : recipients) {
            address(x, r.field(), r.address());
        }
        x.close("Recipients");
    }

    private static void address(Xml x, String holder, Mm7Address a) {
        if (a != null) {
            x.open(holder, "").element(a.kind().element(), a.value()).close(holder);
        }
    }

    private static void content(Xml x, String href, List<Mm7Part> content) {
        if (!content.isEmpty() || href != null) {
            x.open("Content", " href=\"" + Xml.escape(href == null ? "cid:" + CONTENT_ID : href) + "\"")
                    .close("Content");
        }
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
