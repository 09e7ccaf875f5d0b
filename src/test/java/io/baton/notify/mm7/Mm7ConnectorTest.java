package io.baton.notify.mm7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.baton.db.Transactions;
import io.baton.mms.mm7.Mm7Decoder;
import io.baton.mms.mm7.Mm7Message;
import io.baton.mms.mm7.Mm7Sample;
import io.baton.support.SharedTestData;
import io.baton.support.Api;
import io.baton.support.MmscRequests;
import io.baton.support.MmscStandIn;
import io.baton.support.MmscStandInResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Seeds go to an MMSC stand-in by SubmitReq, and the MMSC's requests come back to {@code POST /mm7}:
 * keyword by SMS and by MMS, delivery report and read reply, authentication.
 */
@QuarkusTest
@TestProfile(MmscStandInProfile.class)
class Mm7ConnectorTest {

    static final String CAMPAIGN_TAG = "baton:olympic-torch-2008";
    static final String DAY = "2008-01-11T09:00:00+08:00";

    @Inject
    Transactions tx;

    SeedSendRows rows;
    MmscStandIn mmsc;
    URI mm7;

    @BeforeEach
    void setUp() {
        rows = new SeedSendRows(tx);
        mmsc = MmscStandInResource.standIn();
        mm7 = URI.create("http://127.0.0.1:" + RestAssured.port + "/mm7");
    }

    @Test
    void aKeywordBySmsSendsTheTaggedSeedBySubmitReqAndItsDeliveryReportMarksItDelivered() throws Exception {
        String subscriber = "8613905000101";
        Api.mo(subscriber, "10658000", "2008", DAY).statusCode(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> mmsc.deliveredTo(subscriber).size() == 1);
        var submit = mmsc.deliveredTo(subscriber).get(0);
        assertThat(submit.senderShortCode()).isEqualTo("10658000");
        assertThat(submit.vaspId()).isEqualTo("baton-test-vasp");
        assertThat(submit.vasId()).isEqualTo("torch");
        assertThat(submit.serviceCode()).isEqualTo("torch-seed");
        assertThat(submit.deliveryReport()).isTrue();
        assertThat(submit.subject()).isEqualTo("奥运火炬传递");
        assertThat(submit.parts().get(0).mimeType()).isEqualTo("application/smil");
        assertThat(submit.parts().get(0).text()).contains(CAMPAIGN_TAG);
        assertThat(submit.parts()).anySatisfy(p -> assertThat(p.mimeType()).isEqualTo("image/jpeg"));
        assertThat(submit.parts()).anySatisfy(p -> assertThat(p.text()).contains("#火炬接力2008#"));
        await().atMost(Duration.ofSeconds(10)).until(() -> rows.of(subscriber).map(r -> r.messageId() != null)
                .orElse(false));
        SeedSendRows.Row sent = rows.of(subscriber).orElseThrow();
        assertThat(sent.state()).isEqualTo("sent");
        assertThat(submit.transactionId()).isEqualTo(Mm7Sender.transactionId(sent.id()));
        assertThat(sent.messageId()).isEqualTo(mmsc.messageIdOf(submit.transactionId()));

        HttpResponse<String> answer = mmsc.reportDelivery(mm7, subscriber, "Retrieved", "demo", Api.TOKEN);
        assertThat(answer.statusCode()).isEqualTo(200);
        Mm7Message rsp = Mm7Decoder.DEFAULT.decode("text/xml", answer.body().getBytes(StandardCharsets.UTF_8));
        assertThat(rsp).isInstanceOf(Mm7Message.DeliveryReportRsp.class);
        assertThat(rsp.header().transactionId()).isEqualTo("dr-" + sent.messageId());
        assertThat(rsp.header().namespace()).endsWith("REL-6-MM7-1-4");
        assertThat(((Mm7Message.DeliveryReportRsp) rsp).status().code()).isEqualTo(1000);
        assertThat(rows.state(subscriber)).isEqualTo("delivered");

        MmscRequests.post(mm7, MmscRequests.readReply("rr-101", sent.messageId(), subscriber), "demo", Api.TOKEN);
        assertThat(rows.of(subscriber).orElseThrow().read()).isTrue();
        assertThat(mmsc.wireErrors()).isEmpty();
    }

    @Test
    void aKeywordByMmsQueuesASeedSentAsTheAnswerToIt() throws Exception {
        String subscriber = "8613905000102";
        HttpResponse<String> answer = MmscRequests.post(mm7,
                MmscRequests.deliver("mo-102", subscriber, "10658000", "２００８", "linked-102", DAY), "demo",
                Api.TOKEN);

        assertThat(answer.statusCode()).isEqualTo(200);
        Mm7Message rsp = Mm7Decoder.DEFAULT.decode("text/xml", answer.body().getBytes(StandardCharsets.UTF_8));
        assertThat(rsp).isInstanceOf(Mm7Message.DeliverRsp.class);
        assertThat(rsp.header().transactionId()).isEqualTo("mo-102");
        await().atMost(Duration.ofSeconds(30)).until(() -> mmsc.deliveredTo(subscriber).size() == 1);
        assertThat(mmsc.deliveredTo(subscriber).get(0).linkedId()).isEqualTo("linked-102");
    }

    @Test
    void anUndeliverableReportMarksTheSeedUndeliverable() throws Exception {
        String subscriber = "8613905000103";
        Api.mo(subscriber, "10658000", "2008", DAY).statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.of(subscriber).map(r -> r.messageId() != null)
                .orElse(false));

        MmscRequests.post(mm7, MmscRequests.deliveryReport("dr-103", rows.of(subscriber).orElseThrow().messageId(),
                subscriber, "Expired"), "demo", Api.TOKEN);

        assertThat(rows.state(subscriber)).isEqualTo("undeliverable");
    }

    @Test
    void onlyConfiguredMmscClientsAreLetIn() throws Exception {
        MmscRequests.Body report = MmscRequests.deliveryReport("dr-auth", "no-such-message", "8613905000104",
                "Retrieved");

        assertThat(MmscRequests.post(mm7, report, null, null).statusCode()).isEqualTo(401);
        assertThat(MmscRequests.post(mm7, report, "admin", "baton-test").statusCode()).isEqualTo(401);
        assertThat(MmscRequests.post(mm7, report, "demo", "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> refused = MmscRequests.post(mm7, report, "viewer", "baton-viewer");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("<mm7:StatusCode>4001</mm7:StatusCode>");
        HttpResponse<String> other = MmscRequests.post(mm7, report, "sz-2", Api.OTHER_MMSC_TOKEN);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).contains("DeliveryReportRsp").contains("dr-auth");
    }

    @Test
    void everyCorpusSampleGetsAnMm7AnswerNeverA500() throws Exception {
        Path root = SharedTestData.folder("mm7").getParent();
        List<String> files;
        try (var lines = Files.lines(root.resolve("mm7/expected.jsonl"))) {
            files = lines.filter(l -> !l.isBlank()).map(l -> l.replaceAll("^\\{\"file\": \"([^\"]+)\".*$", "$1"))
                    .toList();
        }
        assertThat(files).hasSize(36);
        int answered = 0;
        int faults = 0;
        for (String file : files) {
            Mm7Sample sample = Mm7Sample.load(root, file);
            HttpResponse<String> answer = MmscRequests.post(mm7,
                    new MmscRequests.Body(sample.contentType() == null ? "text/xml" : sample.contentType(),
                            sample.body()), "demo", Api.TOKEN);
            assertThat(answer.statusCode()).as(file).isIn(200, 400);
            Mm7Message m = Mm7Decoder.DEFAULT.decode(answer.headers().firstValue("Content-Type").orElse(null),
                    answer.body().getBytes(StandardCharsets.UTF_8));
            if (answer.statusCode() == 200) {
                assertThat(m.operation()).as(file).endsWith("Rsp");
                answered++;
            } else {
                Mm7Message.Fault fault = (Mm7Message.Fault) m;
                assertThat(fault.status().code()).as(file).isIn(2002, 2007, 4003);
                assertThat(fault.status().text()).as(file).isNotBlank();
                faults++;
            }
        }
        // answered: the 5 well-formed DeliverReqs with a Sender and the 4 DeliveryReportReqs; refused: the
        // DeliverReq without Sender (2002), the 5 not well-formed examples (2007), and the 17 responses,
        // SubmitReqs and faults, which an MMSC never posts to a VASP (4003)
        assertThat(answered).isEqualTo(9);
        assertThat(faults).isEqualTo(27);
    }
}
