package io.baton.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * What an MMSC posts to a VASP (Baton's {@code POST /mm7}), written by hand as the TS 23.140 examples
 * show them, independently of Baton's codec.
 */
public final class MmscRequests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MmscRequests() {
    }

    /** A body with its Content-Type. */
    public record Body(String contentType, byte[] bytes) {
    }

    public static Body deliveryReport(String transactionId, String messageId, String recipient, String mmStatus) {
        return xml(MmscStandIn.envelope(transactionId, "<mm7:DeliveryReportReq><mm7:MM7Version>6.8.0</mm7:MM7Version>"
                + "<mm7:MessageID>" + messageId + "</mm7:MessageID><mm7:Recipient><mm7:Number>" + recipient
                + "</mm7:Number></mm7:Recipient><mm7:Sender><mm7:ShortCode>10658000</mm7:ShortCode></mm7:Sender>"
                + "<mm7:Date>2008-01-11T09:00:30+08:00</mm7:Date><mm7:MMStatus>" + mmStatus
                + "</mm7:MMStatus></mm7:DeliveryReportReq>"));
    }

    public static Body readReply(String transactionId, String messageId, String recipient) {
        return xml(MmscStandIn.envelope(transactionId, "<mm7:ReadReplyReq><mm7:MM7Version>6.8.0</mm7:MM7Version>"
                + "<mm7:MessageID>" + messageId + "</mm7:MessageID><mm7:Recipient><mm7:Number>" + recipient
                + "</mm7:Number></mm7:Recipient><mm7:Sender><mm7:ShortCode>10658000</mm7:ShortCode></mm7:Sender>"
                + "<mm7:TimeStamp>2008-01-11T09:05:00+08:00</mm7:TimeStamp><mm7:MMStatus>Read</mm7:MMStatus>"
                + "</mm7:ReadReplyReq>"));
    }

    /** An MO MMS from a handset: a text part saying {@code text}, to {@code shortCode}, LF line ends. */
    public static Body deliver(String transactionId, String from, String shortCode, String text, String linkedId,
            String at) {
        String soap = MmscStandIn.envelope(transactionId, "<mm7:DeliverReq><mm7:MM7Version>6.8.0</mm7:MM7Version>"
                + "<mm7:MMSRelayServerID>stand-in</mm7:MMSRelayServerID><mm7:LinkedID>" + linkedId
                + "</mm7:LinkedID><mm7:Sender><mm7:Number>+" + from + "/TYPE=PLMN</mm7:Number></mm7:Sender>"
                + "<mm7:Recipients><mm7:To><mm7:ShortCode>" + shortCode + "</mm7:ShortCode></mm7:To></mm7:Recipients>"
                + "<mm7:TimeStamp>" + at + "</mm7:TimeStamp><mm7:Subject></mm7:Subject>"
                + "<mm7:Content href=\"cid: mo-content\"/></mm7:DeliverReq>");
        String body = "--outer \n"
                + "Content-Type: text/xml; charset=utf-8\nContent-ID: <soap>\n\n" + soap + "\n--outer\n"
                + "Content-Type: multipart/mixed; boundary=\"inner part\"\nContent-ID: mo-content\n\n"
                + "--inner part\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
                + "\n--inner part--\n\n--outer--\n";
        // no start parameter: Baton has to find the SOAP part by itself
        return new Body("multipart/related; boundary=outer; type=\"text/xml\"", body.getBytes(StandardCharsets.UTF_8));
    }

    private static Body xml(String envelope) {
        return new Body("text/xml; charset=utf-8", envelope.getBytes(StandardCharsets.UTF_8));
    }

    /** Posts to Baton's {@code /mm7} as MMSC client {@code user} with {@code password} (null: no auth). */
    public static HttpResponse<String> post(URI batonMm7, Body body, String user, String password)
            throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(batonMm7).timeout(Duration.ofSeconds(30))
                .header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (user != null) {
            r.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
}
