package io.baton.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.baton.ingest.api.IngestResponse.Rejection;
import io.baton.ingest.domain.MmscEvent;

class MmscEventBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "mmsc-js";

    private static final String SUBMIT = """
            {"type":"submit","messageId":"m-1","from":"+86 139 0500 0001",
             "to":["tel:+8613906000002","8613906000002/TYPE=PLMN","0086 137 0500 0003"],
             "at":"2008-01-15T10:00:00+08:00","subject":"Fwd: torch",
             "parts":[{"contentType":"image/jpeg","name":"torch.jpg","data":"/9j/4AAQ"}]}
            """;
    private static final String DELIVERY = """
            {"type":"delivery","messageId":"m-1","to":"8613906000002/TYPE=PLMN","status":"Retrieved",
             "at":"2008-01-15T10:05:30.250+08:00"}
            """;

    private static ObjectNode node(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static MmscEventBatch read(JsonNode... elements) {
        return MmscEventBatch.read(Arrays.asList(elements), CLIENT, JSON, 1_000_000);
    }

    private static JsonNode value(String[] record) throws Exception {
        return JSON.readTree(record[1]);
    }

    /** The single event of a one-element batch, which must have been accepted. */
    private static MmscEvent eventOf(JsonNode element) {
        MmscEventBatch b = read(element);
        assertThat(b.rejected()).isEmpty();
        try {
            return JSON.readerFor(MmscEvent.class)
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(b.records().get(0)[1]);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The single rejection of a one-element batch, which must have produced no record. */
    private static String errorOf(JsonNode element) {
        MmscEventBatch b = read(element);
        assertThat(b.records()).isEmpty();
        assertThat(b.rejected()).hasSize(1);
        assertThat(b.rejected().get(0).index()).isZero();
        return b.rejected().get(0).error();
    }

    @Test
    void normalisesAValidSubmit() throws Exception {
        MmscEventBatch b = read(node(SUBMIT));
        assertThat(b.rejected()).isEmpty();
        assertThat(b.records()).hasSize(1);
        String[] record = b.records().get(0);
        assertThat(record[0]).isEqualTo("8613905000001");
        JsonNode v = value(record);
        assertThat(v.get("type").asText()).isEqualTo("submit");
        assertThat(v.get("mmsc").asText()).isEqualTo(CLIENT);
        assertThat(v.get("messageId").asText()).isEqualTo("m-1");
        assertThat(v.get("from").asText()).isEqualTo("8613905000001");
        assertThat(v.get("to")).extracting(JsonNode::asText).containsExactly("8613906000002", "8613705000003");
        assertThat(OffsetDateTime.parse(v.get("at").asText()))
                .isEqualTo(OffsetDateTime.parse("2008-01-15T10:00:00+08:00"));
        assertThat(v.get("subject").asText()).isEqualTo("Fwd: torch");
        assertThat(v.get("parts").get(0).get("data").asText()).isEqualTo("/9j/4AAQ");
        assertThat(v.get("parts").get(0).get("name").asText()).isEqualTo("torch.jpg");
    }

    @Test
    void normalisesAValidDelivery() throws Exception {
        MmscEventBatch b = read(node(DELIVERY));
        assertThat(b.rejected()).isEmpty();
        String[] record = b.records().get(0);
        assertThat(record[0]).isEqualTo("m-1");
        JsonNode v = value(record);
        assertThat(v.get("type").asText()).isEqualTo("delivery");
        assertThat(v.get("to")).extracting(JsonNode::asText).containsExactly("8613906000002");
        assertThat(v.get("status").asText()).isEqualTo("retrieved");
        assertThat(v.get("at").asText()).isEqualTo("2008-01-15T10:05:30.250+08:00");
    }

    @Test
    void acceptsTheBritishAndAmericanSpellingOfUnrecognised() throws Exception {
        MmscEventBatch b = read(node(DELIVERY).put("status", "UNRECOGNIZED"));
        assertThat(value(b.records().get(0)).get("status").asText()).isEqualTo("unrecognised");
    }

    @Test
    void keepsTheMmscNamedByTheEvent() throws Exception {
        MmscEventBatch b = read(node(DELIVERY).put("mmsc", "mmsc-nj"));
        assertThat(value(b.records().get(0)).get("mmsc").asText()).isEqualTo("mmsc-nj");
    }

    @Test
    void rejectsAMessageIdThatIsNotAString() {
        assertThat(errorOf(node(SUBMIT).put("messageId", 42))).isEqualTo("messageId: must be a string, is number");
    }

    @Test
    void rejectsAnUnknownType() {
        assertThat(errorOf(node(SUBMIT).put("type", "bounce"))).startsWith("type:").contains("bounce");
    }

    @Test
    void rejectsABadSenderOrRecipientMsisdnNamingTheField() {
        assertThat(errorOf(node(SUBMIT).put("from", "alice"))).startsWith("from: not an MSISDN");
        ObjectNode badRecipient = node(SUBMIT);
        ((ArrayNode) badRecipient.get("to")).set(1, JSON.getNodeFactory().textNode("10.0.0.1/TYPE=IPv4"));
        assertThat(errorOf(badRecipient)).startsWith("to[1]: not an MSISDN");
        assertThat(errorOf(node(DELIVERY).put("to", "12"))).startsWith("to: not an MSISDN");
    }

    @Test
    void rejectsAnUnknownStatus() {
        assertThat(errorOf(node(DELIVERY).put("status", "lost"))).startsWith("status: unknown status \"lost\"");
    }

    @Test
    void rejectsASubmitWithoutParts() {
        ObjectNode e = node(SUBMIT);
        e.remove("parts");
        assertThat(errorOf(e)).startsWith("parts: required");
        assertThat(errorOf(node(SUBMIT).put("parts", "none"))).isEqualTo("parts: must be an array");
    }

    @Test
    void rejectsInvalidBase64PartData() {
        ObjectNode e = node(SUBMIT);
        ((ObjectNode) e.get("parts").get(0)).put("data", "QQ=A");
        assertThat(errorOf(e)).isEqualTo("parts[0].data: not valid base64");
    }

    @Test
    void rejectsUnknownFields() {
        assertThat(errorOf(node(SUBMIT).put("colour", "red"))).isEqualTo("colour: unknown field");
        assertThat(errorOf(node(DELIVERY).put("subject", "x"))).isEqualTo("subject: unknown field");
    }

    @Test
    void rejectsMoreThanOneHundredRecipients() {
        ObjectNode e = node(SUBMIT);
        ArrayNode to = e.putArray("to");
        for (int i = 0; i < MmscEventReader.MAX_RECIPIENTS + 1; i++) {
            to.add(String.format("86139%08d", i));
        }
        assertThat(errorOf(e)).isEqualTo("to: more than 100 recipients");
        to.remove(0);
        assertThat(read(e).records()).hasSize(1);
    }

    @Test
    void rejectsANullElementAsAnInvalidNdjsonLine() {
        assertThat(errorOf(null)).isEqualTo("not valid JSON");
    }

    @Test
    void rejectsElementsThatAreNotObjects() {
        assertThat(errorOf(JSON.getNodeFactory().textNode("submit"))).isEqualTo("event must be a JSON object");
        assertThat(errorOf(JSON.createArrayNode())).isEqualTo("event must be a JSON object");
    }

    @Test
    void rejectsATimeWithoutOffset() {
        assertThat(errorOf(node(SUBMIT).put("at", "2008-01-15T10:00:00"))).startsWith("at:");
    }

    @Test
    void rejectsContentGivenTwiceOrNotAtAll() {
        assertThat(errorOf(node(SUBMIT).put("pdu", "AAAA"))).isEqualTo("give the content once: one of parts, pdu, mime");
        ObjectNode none = node(SUBMIT);
        none.remove("parts");
        assertThat(errorOf(none)).startsWith("parts: required");
    }

    static final String MIME_MMS = String.join("\r\n",
            "From: 8613905000001@mms.js.example.cn",
            "To: 8613906000002@mms.js.example.cn, \"Li\" <+86 137 0500 0003/TYPE=PLMN@mms.js.example.cn>",
            "Subject: =?GB2312?B?" + java.util.Base64.getEncoder().encodeToString("转发：火炬".getBytes(java.nio.charset.Charset.forName("GB2312"))) + "?=",
            "MIME-Version: 1.0",
            "Content-Type: multipart/related; boundary=\"b1\"; type=\"application/smil\"",
            "",
            "--b1",
            "Content-Type: image/jpeg; name=\"torch.jpg\"",
            "Content-Transfer-Encoding: base64",
            "",
            "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDA==",
            "--b1",
            "Content-Type: text/plain; charset=gb2312",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "=BB=F0=BE=E6",
            "--b1--",
            "");

    @Test
    void readsARawMimeMessageIntoPartsWithSenderAndRecipientsFromItsHeaders() {
        ObjectNode e = node(SUBMIT);
        e.remove(List.of("parts", "from", "to", "subject"));
        e.put("mime", java.util.Base64.getEncoder().encodeToString(MIME_MMS.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        MmscEvent event = eventOf(e);
        assertThat(event.from()).isEqualTo("8613905000001");
        assertThat(event.to()).containsExactly("8613906000002", "8613705000003");
        assertThat(event.subject()).isEqualTo("转发：火炬");
        assertThat(event.parts()).extracting(MmscEvent.Part::contentType, MmscEvent.Part::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("image/jpeg; name=torch.jpg", "torch.jpg"),
                        org.assertj.core.groups.Tuple.tuple("text/plain; charset=gb2312", null));
        assertThat(java.util.Base64.getDecoder().decode(event.parts().get(1).data()))
                .isEqualTo("火炬".getBytes(java.nio.charset.Charset.forName("GB2312")));
    }

    @Test
    void theEventsOwnSenderAndRecipientsWinOverTheMimeHeaders() {
        ObjectNode e = node(SUBMIT);
        e.remove("parts");
        e.put("mime", java.util.Base64.getEncoder().encodeToString(MIME_MMS.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        MmscEvent event = eventOf(e);
        assertThat(event.from()).isEqualTo("8613905000001");
        assertThat(event.to()).containsExactly("8613906000002", "8613705000003");
        assertThat(event.subject()).isEqualTo("Fwd: torch");
    }

    static byte[] sendReq(String from, byte[] jpeg, String text) {
        io.baton.mms.MmsBody body = io.baton.mms.MmsBody.multipart(
                io.baton.mms.MmsContentType.of("application/vnd.wap.multipart.related"), List.of(
                        io.baton.mms.MmsPart.of(io.baton.mms.MmsContentType.of("image/jpeg"), "<img1>", "torch.jpg", jpeg),
                        io.baton.mms.MmsPart.of(new io.baton.mms.MmsContentType("text/plain",
                                java.util.Map.of("charset", "utf-8")), "<t1>", "t.txt",
                                text.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        return new io.baton.mms.MmsPduEncoder().encode(new io.baton.mms.MmsSendReq("tx-1", "1.2", null, from,
                List.of("+8613906000002/TYPE=PLMN"), List.of("8613705000003/TYPE=PLMN"), List.of(),
                io.baton.mms.MmsEncodedString.of("转发：火炬"), null, null, null, null, null, null, null, body, null));
    }

    private static ObjectNode withPdu(byte[] pdu, String... remove) {
        ObjectNode e = node(SUBMIT);
        e.remove(List.of(remove));
        e.remove("parts");
        return e.put("pdu", java.util.Base64.getEncoder().encodeToString(pdu));
    }

    @Test
    void readsAnMSendReqIntoPartsWithRecipientsFromItsHeaders() {
        byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, 1, 2, 3 };
        MmscEvent event = eventOf(withPdu(sendReq(io.baton.mms.MmsPdu.INSERT_ADDRESS_TOKEN, jpeg, "火炬"), "to", "subject"));
        assertThat(event.from()).isEqualTo("8613905000001");
        assertThat(event.to()).containsExactly("8613906000002", "8613705000003");
        assertThat(event.subject()).isEqualTo("转发：火炬");
        assertThat(event.parts()).extracting(MmscEvent.Part::contentType, MmscEvent.Part::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple("image/jpeg", "torch.jpg"),
                org.assertj.core.groups.Tuple.tuple("text/plain; charset=utf-8", "t.txt"));
        assertThat(java.util.Base64.getDecoder().decode(event.parts().get(0).data())).isEqualTo(jpeg);
    }

    @Test
    void theSenderOfAnMSendReqComesFromTheEventWhenTheMmscInsertsIt() {
        byte[] pdu = sendReq(io.baton.mms.MmsPdu.INSERT_ADDRESS_TOKEN, new byte[] { 1 }, "x");
        assertThat(errorOf(withPdu(pdu, "from"))).isEqualTo("from: required");
        assertThat(eventOf(withPdu(sendReq("+8613905000077/TYPE=PLMN", new byte[] { 1 }, "x"), "from")).from())
                .isEqualTo("8613905000077");
    }

    @Test
    void refusesATruncatedPduWithOffsetAndFieldAndAPduWithoutContent() {
        byte[] pdu = sendReq(io.baton.mms.MmsPdu.INSERT_ADDRESS_TOKEN, new byte[] { 1, 2, 3 }, "火炬");
        assertThat(errorOf(withPdu(java.util.Arrays.copyOf(pdu, 20)))).startsWith("pdu: ").contains("offset");
        assertThat(errorOf(withPdu(new byte[] { (byte) 0x8C, (byte) 0x81, (byte) 0x98, 'x', 0, (byte) 0x8D, (byte) 0x92,
            (byte) 0x92, (byte) 0x80 }))).startsWith("pdu: a ").contains("carries no message content");
        assertThat(errorOf(withPdu(new byte[0]).put("pdu", "!!"))).isEqualTo("pdu: not valid base64");
    }

    @Test
    void refusesMimeThatIsNotAMessageOrNotBase64() {
        ObjectNode e = node(SUBMIT);
        e.remove("parts");
        assertThat(errorOf(e.deepCopy().put("mime", java.util.Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3 }))))
                .startsWith("mime: NOT_A_MIME_MESSAGE");
        assertThat(errorOf(e.deepCopy().put("mime", "%%%"))).isEqualTo("mime: not valid base64");
    }

    @Test
    void rejectsAnEventLargerThanTheLimit() {
        ObjectNode big = node(SUBMIT).put("subject", "x".repeat(500));
        MmscEventBatch b = MmscEventBatch.read(List.of(big, node(DELIVERY)), CLIENT, JSON, 400);
        assertThat(b.rejected()).containsExactly(new Rejection(0, "event larger than 400 bytes"));
        assertThat(b.records()).hasSize(1);
    }

    @Test
    void rejectsAnEventWhoseUtf8EncodingIsLargerThanTheLimit() {
        ObjectNode chinese = node(SUBMIT).put("subject", "火".repeat(200));
        int chars = 0;
        try {
            chars = JSON.writeValueAsString(MmscEventReader.read(chinese, CLIENT, java.time.Instant.EPOCH).event()).length();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        MmscEventBatch b = MmscEventBatch.read(List.of(chinese), CLIENT, JSON, chars + 100); // < 600 extra bytes
        assertThat(b.records()).isEmpty();
        assertThat(b.rejected()).extracting(Rejection::index).containsExactly(0);
    }

    @Test
    void goodEventsBesideBadOnesStillBecomeRecords() {
        List<JsonNode> batch = new ArrayList<>();
        batch.add(node(SUBMIT));
        batch.add(null);
        batch.add(node(SUBMIT).put("messageId", 7));
        batch.add(node(DELIVERY));
        batch.add(node(DELIVERY).put("status", "lost"));
        MmscEventBatch b = MmscEventBatch.read(batch, CLIENT, JSON, 1_000_000);
        assertThat(b.records()).extracting(r -> r[0]).containsExactly("8613905000001", "m-1");
        assertThat(b.rejected()).extracting(Rejection::index).containsExactly(1, 2, 4);
    }
    // ---- what PostgreSQL cannot hold is refused at ingest (issue 15, item 1)

    @Test
    void refusesAnIdentifierWithANulCharacterNamingTheField() {
        MmscEventBatch b = read(node(SUBMIT).put("messageId", "m-\u00001"), node(DELIVERY).put("mmsc", "sz\u00002"),
                node(DELIVERY));
        assertThat(b.rejected()).extracting(Rejection::index, Rejection::error).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, "messageId: contains a NUL character (U+0000)"),
                org.assertj.core.groups.Tuple.tuple(1, "mmsc: contains a NUL character (U+0000)"));
        assertThat(b.records()).hasSize(1);
    }

    @Test
    void dropsNulPaddingFromTheSubjectAndPartNames() throws Exception {
        ObjectNode padded = node(SUBMIT).put("subject", "Fwd: torch\u0000\u0000");
        ((ObjectNode) padded.get("parts").get(0)).put("name", "torch.jpg\u0000");
        MmscEvent e = eventOf(padded);
        assertThat(e.subject()).isEqualTo("Fwd: torch");
        assertThat(e.parts().get(0).name()).isEqualTo("torch.jpg");
        assertThat(e.parts().get(0).data()).isEqualTo("/9j/4AAQ");
    }

    @Test
    void refusesATimeOutsideTheYearsBatonStores() {
        MmscEventBatch b = read(node(SUBMIT).put("at", "+10000-01-01T00:00:00Z"),
                node(DELIVERY).put("at", "1969-12-31T23:59:59Z"), node(DELIVERY).put("at", "-0001-01-01T00:00:00Z"),
                node(DELIVERY).put("at", "1970-01-01T00:00:00Z"), node(DELIVERY).put("at", "9999-12-31T23:59:59Z"));
        assertThat(b.rejected()).extracting(Rejection::index).containsExactly(0, 1, 2);
        assertThat(b.rejected()).allSatisfy(r -> assertThat(r.error())
                .startsWith("at: outside the years Baton stores (1970 to 9999)"));
        assertThat(b.records()).hasSize(2);
    }
}
