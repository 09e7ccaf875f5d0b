package io.baton.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.baton.mms.MmsStatus;
import io.baton.mms.mime.Mm4Records;
import io.baton.support.Api;
import io.baton.support.EventFixtures;
import io.baton.support.Mm4Fixtures;
import io.baton.support.Mm4Fixtures.Part;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * A campaign seed passed on between MMSCs, known to Baton only from the MMSCs' own records: an
 * MM4_forward.REQ and its MM4_delivery_report.REQ pushed raw, and another forward in a JSON batch
 * with its m-delivery-ind → both forwards credited, one serial and one notice each, however often
 * the records are re-posted; bad records beside good ones lose nothing good.
 */
@QuarkusTest
class Mm4RecordsTest {

    static final String CAMPAIGN = "mm4-relay";
    static final byte[] SEED = EventFixtures.image(4404);
    static final String A = "8615040000001";
    static final String B = "8615140000002";
    static final String C = "8615040000003";
    static final String D = "8615140000004";
    static final List<Part> SEED_PARTS = List.of(new Part("image/jpeg", "torch.jpg", SEED),
            new Part("text/plain; charset=utf-8", null, "传下去 #mm4relay#".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    @BeforeEach
    void campaign() {
        Api.putCampaign(CAMPAIGN, EventFixtures.campaignYaml(CAMPAIGN, "10650404", SEED, "#mm4relay#"))
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
    }

    static ValidatableResponse postRecord(String token, String contentType, byte[] body) {
        return given().header("Authorization", "Bearer " + token).contentType(contentType).body(body)
                .post("/api/v1/mmsc/records").then();
    }

    @Test
    void creditsForwardsKnownOnlyFromMm4RecordsAndMDeliveryIndsOncePerForward() {
        byte[] forwardAB = Mm4Fixtures.forward("mm4-e2e-1@mms.operator.com", A, B, "2008-03-02T02:00:00Z", SEED_PARTS);
        byte[] reportAB = Mm4Fixtures.deliveryReport("mm4-e2e-1@mms.operator.com", B, "Retrieved", "2008-03-02T02:00:09Z");
        byte[] forwardBC = Mm4Fixtures.forward("mm4-e2e-2@mms.example.cn", B, C, "2008-03-02T03:00:00Z", SEED_PARTS);
        byte[] indBC = Mm4Fixtures.deliveryInd("mm4-e2e-2@mms.example.cn", C, MmsStatus.RETRIEVED, "2008-03-02T03:00:06Z");

        // pair 1, pushed raw by the MMSC as it happens; the forward twice (an MMSC retrying)
        for (int i = 0; i < 2; i++) {
            postRecord(Api.TOKEN, "message/rfc822", forwardAB).statusCode(202).body("accepted", equalTo(1))
                    .body("rejected", hasSize(0));
        }
        postRecord(Api.OTHER_MMSC_TOKEN, "message/rfc822", reportAB).statusCode(202).body("accepted", equalTo(1));

        // pair 2 in a batch, with a bad record between the good ones; the batch posted twice
        List<Map<String, Object>> batch = List.of(
                Map.of("type", "mm4", "mmsc", "nj-1", "mime", Mm4Fixtures.base64(forwardBC)),
                Map.of("type", "mm4", "mime", Mm4Fixtures.base64(Mm4Records.bytes("forward-res.eml"))),
                Map.of("type", "delivery", "mmsc", "sz-2", "pdu", Mm4Fixtures.base64(indBC)));
        for (int i = 0; i < 2; i++) {
            Api.postEvents(batch).statusCode(202).body("accepted", equalTo(2))
                    .body("rejected.index", org.hamcrest.Matchers.contains(1))
                    .body("rejected[0].error", containsString("UNSUPPORTED_TYPE: MM4_forward.RES"));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Api.stats(CAMPAIGN))
                .containsEntry("forwards", 2).containsEntry("serialsIssued", 2));
        for (String sender : List.of(A, B)) {
            List<Map<String, Object>> serials = Api.serials(CAMPAIGN, sender);
            assertThat(serials).as(sender).hasSize(1);
            String serial = (String) serials.get(0).get("serial");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Api.sms(sender))
                    .singleElement().satisfies(sms -> {
                        assertThat(sms).containsEntry("kind", "serial");
                        assertThat((String) sms.get("text")).contains(serial);
                    }));
        }
        assertThat(Api.serials(CAMPAIGN, A).get(0)).containsEntry("recipient", B);
        assertThat(Api.serials(CAMPAIGN, B).get(0)).containsEntry("recipient", C);

        // a later pair through the raw PDU path: once it is credited, the re-posts above have long been handled
        byte[] forwardCD = Mm4Fixtures.forward("mm4-e2e-3@mms.operator.com", C, D, "2008-03-02T04:00:00Z", SEED_PARTS);
        postRecord(Api.TOKEN, "message/rfc822", forwardCD).statusCode(202);
        postRecord(Api.TOKEN, "application/vnd.wap.mms-message", Mm4Fixtures.deliveryInd("mm4-e2e-3@mms.operator.com",
                D, MmsStatus.RETRIEVED, "2008-03-02T04:00:05Z")).statusCode(202).body("accepted", equalTo(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Api.stats(CAMPAIGN))
                .containsEntry("forwards", 3).containsEntry("serialsIssued", 3));
        assertThat(Api.serials(CAMPAIGN, A)).hasSize(1);
        assertThat(Api.serials(CAMPAIGN, B)).hasSize(1);
    }

    @Test
    void refusesUnusableRawRecordsPreciselyAndCountsReadRepliesAsIgnored() {
        postRecord(Api.TOKEN, "message/rfc822", Mm4Records.bytes("forward-res.eml")).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://baton.dev/problems/invalid-request"))
                .body("detail", equalTo("body: UNSUPPORTED_TYPE: MM4_forward.RES is a response between MMSCs and"
                        + " reports no subscriber's message; expected MM4_forward.REQ, MM4_delivery_report.REQ or"
                        + " MM4_read_reply_report.REQ"));
        postRecord(Api.TOKEN, "message/rfc822", Mm4Records.bytes("forward-req-email-sender.eml")).statusCode(400)
                .body("detail", containsString("From: not a phone number"));
        postRecord(Api.TOKEN, "application/vnd.wap.mms-message", new byte[] { (byte) 0x8C, (byte) 0x99 }).statusCode(400)
                .body("detail", containsString("body: "));
        postRecord(Api.TOKEN, "message/rfc822", Mm4Fixtures.readReplyReport("mm4-e2e-9", B)).statusCode(202)
                .body("accepted", equalTo(0)).body("rejected", hasSize(0))
                .body("ignored[0].reason", containsString("MM4_read_reply_report.REQ"));
        postRecord("wrong-token", "message/rfc822", Mm4Records.bytes("forward-req.eml")).statusCode(401)
                .contentType("application/problem+json");
        postRecord(Api.TOKEN, "message/rfc822", new byte[4 * 1024 * 1024 + 1]).statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("4194304"));
        postRecord(Api.TOKEN, "message/rfc822", new byte[0]).statusCode(400);
        postRecord(Api.TOKEN, "text/plain", Mm4Records.bytes("forward-req.eml")).statusCode(415);
    }
}
