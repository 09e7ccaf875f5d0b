package io.baton.notify.smpp;

import static io.baton.support.EventFixtures.delivery;
import static io.baton.support.EventFixtures.part;
import static io.baton.support.EventFixtures.submit;
import static io.baton.support.EventFixtures.text;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.baton.notify.smpp.domain.GsmAlphabet;
import io.baton.support.Api;
import io.baton.support.EventFixtures;
import io.baton.support.SmscSimulator;
import io.baton.support.SmscSimulatorResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Notices over SMPP to OpenSMPP's SMSC simulator: a credited forward's serial notice reaches the
 * SMSC in UCS-2 from the campaign short code, the simulator's own receipt makes it
 * {@code delivered}, and MO messages arriving by deliver_sm ask for a seed or get help.
 */
@QuarkusTest
@TestProfile(SmppNoticesTest.OverSmpp.class)
class SmppNoticesTest {

    /** The application with {@code baton.smpp.*} pointing at the simulator. */
    public static class OverSmpp implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SmscSimulatorResource.class));
        }
    }

    static final String TORCH = "olympic-torch-2008";
    static final String A = "8613905100001";
    static final String B = "8613906100002";
    static final String NOW_CAMPAIGN = "smpp-now";
    static final String NOW_CODE = "10658077";

    @Test
    void aSerialNoticeGoesOutOverSmppAndItsReceiptMakesItDelivered() throws IOException {
        SmscSimulator smsc = SmscSimulatorResource.simulator();
        await().atMost(Duration.ofSeconds(20)).until(() -> smsc.boundSessions() >= 1);
        byte[] torch = Files.readAllBytes(Path.of("campaigns/torch.jpg"));
        List<Map<String, Object>> seed = List.of(part("image/jpeg", torch),
                text("奥运火炬传到了你手上！转发给朋友，每成功传递一次即获得一个参与序号。#火炬接力2008#"));
        Api.postEvents(List.of(submit("nj-1", "sm-1", A, B, "2008-01-12T12:00:00+08:00", seed),
                delivery("sz-2", "sm-1", B, "retrieved", "2008-01-12T12:00:07+08:00"))).statusCode(202);

        SmscSimulator.Received sms = await().atMost(Duration.ofSeconds(30))
                .until(() -> smsc.received().stream().filter(r -> r.to().equals(A) && serialNotice(r)).findFirst()
                        .orElse(null), r -> r != null);
        String serial = (String) Api.serials(TORCH, A).get(0).get("serial");
        assertThat(sms.from()).isEqualTo("10658000");
        assertThat(sms.dataCoding()).as("UCS-2").isEqualTo(0x08);
        assertThat(sms.esmClass()).isZero();
        assertThat(sms.registeredDelivery() & 0x03).as("receipt asked for").isEqualTo(1);
        assertThat(new String(sms.shortMessage(), StandardCharsets.UTF_16BE))
                .isEqualTo("您的火炬接力序号是" + serial + "。继续传递，赢取大奖！");

        // the simulator sends its receipt (stat:DELIVRD) for the id it gave in submit_sm_resp
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(Api.sms(A)).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("state", "delivered").containsEntry("from", "10658000")));
        assertThat(smsc.received().stream().filter(r -> r.to().equals(A) && serialNotice(r))).hasSize(1);
    }

    @Test
    void anMoKeywordByDeliverSmQueuesASeedAndOtherTextGetsHelpInGsm() {
        SmscSimulator smsc = SmscSimulatorResource.simulator();
        await().atMost(Duration.ofSeconds(20)).until(() -> smsc.boundSessions() >= 1);
        Api.putCampaign(NOW_CAMPAIGN, EventFixtures.campaignYaml(NOW_CAMPAIGN, NOW_CODE, EventFixtures.image(77),
                "#smpp-now#").replace("starts: 2008-01-01", "starts: 2020-01-01").replace("ends: 2008-12-31",
                        "ends: 2099-12-31"))
                .statusCode(anyOf(equalTo(200), equalTo(201)));

        // the keyword in GSM 7-bit from one subscriber, in two UCS-2 segments from another
        String first = "8613905100009";
        String second = "8613905100010";
        smsc.deliverMo(first, NOW_CODE, 0, 0, GsmAlphabet.encode(NOW_CAMPAIGN));
        smsc.deliverMo(second, NOW_CODE, 0x40, 0x08, HexFormat.of().parseHex("0500037702010073006d00700070"));
        smsc.deliverMo(second, NOW_CODE, 0x40, 0x08, HexFormat.of().parseHex("050003770202002d006e006f0077"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Api.stats(NOW_CAMPAIGN))
                .containsEntry("seedsSent", 2));

        // anything else gets the help notice, back over SMPP in the GSM alphabet
        String third = "8613905100011";
        smsc.deliverMo(third, NOW_CODE, 0, 0x03, "hello?".getBytes(StandardCharsets.ISO_8859_1));
        SmscSimulator.Received help = await().atMost(Duration.ofSeconds(30))
                .until(() -> smsc.received().stream().filter(r -> r.to().equals(third)).findFirst().orElse(null),
                        r -> r != null);
        String helpText = (String) Api.sms(third).get(0).get("text");
        assertThat(help.from()).isEqualTo(NOW_CODE);
        assertThat(help.dataCoding()).as("GSM default alphabet").isZero();
        assertThat(GsmAlphabet.decode(help.shortMessage(), 0, help.shortMessage().length)).isEqualTo(helpText);
    }

    @Test
    void aReceiptForAnUnknownIdIsCountedNotRefused() {
        SmscSimulator smsc = SmscSimulatorResource.simulator();
        await().atMost(Duration.ofSeconds(20)).until(() -> smsc.boundSessions() >= 1);
        smsc.deliverReceipt("8613905100099", "10658000", "id:7777777 sub:001 dlvrd:001 submit date:0801121200 "
                + "done date:0801121201 stat:DELIVRD err:000 text:", null);
        smsc.deliverReceipt("8613905100099", "10658000", "this is no receipt", null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).containsPattern("baton_smpp_receipts_total\\{outcome=\"unknown-id\"[^}]*} 1\\.0")
                    .containsPattern("baton_smpp_receipts_total\\{outcome=\"unreadable\"[^}]*} 1\\.0");
        });
        assertThat(smsc.boundSessions()).as("the session stays up").isGreaterThanOrEqualTo(1);
    }

    static String now() {
        return OffsetDateTime.now().toString();
    }

    /** A's first credit of the day also wins an instant prize (the reference campaign's pacing): its SMS is apart. */
    private static boolean serialNotice(SmscSimulator.Received r) {
        return new String(r.shortMessage(), StandardCharsets.UTF_16BE).startsWith("您的火炬接力序号是");
    }
}
