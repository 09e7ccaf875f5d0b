package io.baton.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.ingest.domain.MmscEvent;
import io.baton.mms.MmsStatus;
import io.baton.mms.mime.Mm4Records;
import io.baton.support.Mm4Fixtures;

/** MM4 records and m-delivery-ind in a JSON batch and pushed raw become the same submit and delivery events. */
class MmscRecordReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "nj-1";
    private static final Instant RECEIVED = Instant.parse("2008-01-13T02:00:00Z");

    private static JsonNode mm4(byte[] raw) {
        return JSON.valueToTree(Map.of("type", "mm4", "mime", Mm4Fixtures.base64(raw)));
    }

    private static MmscEventBatch read(JsonNode... elements) {
        return MmscEventBatch.read(List.of(elements), CLIENT, JSON, 1_000_000, RECEIVED);
    }

    private static MmscEvent event(String[] record) throws Exception {
        return JSON.readerFor(MmscEvent.class)
                .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(record[1]);
    }

    @Test
    void anMm4ForwardIsASubmitWithItsXMmsMessageIdNumbersAndParts() throws Exception {
        MmscEventBatch b = read(mm4(Mm4Records.bytes("forward-req.eml")));

        assertThat(b.rejected()).isEmpty();
        MmscEvent e = event(b.records().get(0));
        assertThat(e.type()).isEqualTo("submit");
        assertThat(e.mmsc()).as("the posting client").isEqualTo(CLIENT);
        assertThat(e.messageId()).isEqualTo("m-mm4-0001@mms.operator.com");
        assertThat(e.from()).isEqualTo("8613905000001");
        assertThat(e.to()).containsExactly("8613906000002", "8613907000003", "8613705000004");
        assertThat(e.at()).isEqualTo("2008-01-12T04:00Z");
        assertThat(e.subject()).isEqualTo("Fwd: 奥运火炬传递");
        assertThat(e.parts()).extracting(MmscEvent.Part::contentType)
                .containsExactly("application/smil; charset=utf-8", "image/jpeg; name=torch.jpg", "text/plain; charset=gb2312");
        assertThat(b.records().get(0)[0]).as("keyed by sender").isEqualTo("8613905000001");
    }

    @Test
    void anMm4DeliveryReportIsADeliveryOfItsFromAndAMissingDateIsTheReceiveTime() throws Exception {
        MmscEventBatch b = read(mm4(Mm4Records.bytes("delivery-report-retrieved.eml")),
                mm4(Mm4Records.bytes("delivery-report-unrecognized.eml")));

        assertThat(b.rejected()).isEmpty();
        MmscEvent retrieved = event(b.records().get(0));
        assertThat(retrieved.type()).isEqualTo("delivery");
        assertThat(retrieved.messageId()).isEqualTo("m-mm4-0001@mms.operator.com");
        assertThat(retrieved.to()).containsExactly("8613906000002");
        assertThat(retrieved.status()).isEqualTo("retrieved");
        assertThat(retrieved.at()).isEqualTo("2008-01-12T04:00:07Z");
        MmscEvent unrecognised = event(b.records().get(1));
        assertThat(unrecognised.status()).isEqualTo("unrecognised");
        assertThat(unrecognised.at()).isEqualTo("2008-01-13T02:00Z");
    }

    @Test
    void anMDeliveryIndIsADelivery() throws Exception {
        byte[] pdu = Mm4Fixtures.deliveryInd("m-77", "8613906000002", MmsStatus.EXPIRED, "2008-01-12T04:10:00Z");
        MmscEventBatch b = read(JSON.valueToTree(Map.of("type", "delivery", "mmsc", "sz-2", "pdu", Mm4Fixtures.base64(pdu))));

        assertThat(b.rejected()).isEmpty();
        MmscEvent e = event(b.records().get(0));
        assertThat(e).isEqualTo(new MmscEvent("delivery", "sz-2", "m-77", null, List.of("8613906000002"),
                "2008-01-12T04:10Z", null, null, "expired"));
    }

    @Test
    void aReadReplyIsIgnoredAtItsIndexAndBadRecordsAreRejectedAtTheirsBesideGoodOnes() {
        byte[] forward = Mm4Records.bytes("forward-req.eml");
        MmscEventBatch b = read(mm4(Mm4Records.bytes("forward-res.eml")), mm4(forward),
                mm4(Mm4Records.bytes("read-reply-report.eml")),
                JSON.valueToTree(Map.of("type", "mm4", "mime", "!!not base64")),
                JSON.valueToTree(Map.of("type", "mm4", "mime", Mm4Fixtures.base64(forward), "messageId", "x")),
                JSON.valueToTree(Map.of("type", "delivery", "pdu", Mm4Fixtures.base64(forward))),
                mm4(Mm4Records.bytes("forward-req-email-sender.eml")));

        assertThat(b.records()).hasSize(1);
        assertThat(b.ignored()).singleElement().satisfies(i -> {
            assertThat(i.index()).isEqualTo(2);
            assertThat(i.reason()).startsWith("MM4_read_reply_report.REQ: read reports do not count");
        });
        assertThat(b.rejected()).extracting(r -> r.index() + " " + r.error()).containsExactly(
                "0 mime: UNSUPPORTED_TYPE: MM4_forward.RES is a response between MMSCs and reports no subscriber's message;"
                        + " expected MM4_forward.REQ, MM4_delivery_report.REQ or MM4_read_reply_report.REQ",
                "3 mime: not valid base64",
                "4 messageId: unknown field",
                "5 pdu: X-Mms-Message-Type at offset 0: a PDU starts with X-Mms-Message-Type (0x8c), found 0x52",
                "6 mime: BAD_HEADER: From: not a phone number (an e-mail address or another address type); only"
                        + " subscribers take part");
    }

    @Test
    void theSameRecordTwiceIsTheSameKafkaRecordWhateverTheReceiveTime() {
        JsonNode forward = mm4(Mm4Records.bytes("forward-req.eml"));
        MmscEventBatch first = MmscEventBatch.read(List.of(forward), CLIENT, JSON, 1_000_000, RECEIVED);
        MmscEventBatch again = MmscEventBatch.read(List.of(forward), CLIENT, JSON, 1_000_000, RECEIVED.plusSeconds(60));

        assertThat(again.records().get(0)).containsExactly(first.records().get(0));
    }

    @Test
    void aRawRecordIsReadWithTheSameRulesAndNamesTheBodyInErrors() throws Exception {
        MmscEventBatch forward = MmscEventBatch.readRecord(new MmscEventBatch.RawRecord(true,
                Mm4Records.bytes("forward-req-no-date.eml"), null, null, null), CLIENT, JSON, 1_000_000, RECEIVED);
        MmscEvent e = event(forward.records().get(0));
        assertThat(e.at()).as("the Received line's date").isEqualTo("2008-01-13T01:00:05Z");
        assertThat(e.mmsc()).isEqualTo(CLIENT);

        MmscEventBatch sendReq = MmscEventBatch.readRecord(new MmscEventBatch.RawRecord(false,
                "junk".getBytes(StandardCharsets.US_ASCII), "sz-2", null, null), CLIENT, JSON, 1_000_000, RECEIVED);
        assertThat(sendReq.rejected()).singleElement().satisfies(r -> assertThat(r.error()).startsWith("body: "));

        byte[] pdu = Mm4Fixtures.deliveryInd("m-78", "8613906000002", MmsStatus.RETRIEVED, "2008-01-12T04:10:00Z");
        MmscEventBatch delivery = MmscEventBatch.readRecord(new MmscEventBatch.RawRecord(false, pdu, "sz-2", null, null),
                CLIENT, JSON, 1_000_000, RECEIVED);
        assertThat(event(delivery.records().get(0)).mmsc()).isEqualTo("sz-2");
        assertThat(event(delivery.records().get(0)).status()).isEqualTo("retrieved");
    }
}
