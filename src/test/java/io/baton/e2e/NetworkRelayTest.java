package io.baton.e2e;

import static io.baton.support.EventFixtures.delivery;
import static io.baton.support.EventFixtures.part;
import static io.baton.support.EventFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.baton.notify.smpp.domain.GsmAlphabet;
import io.baton.support.Api;
import io.baton.support.EventFixtures;
import io.baton.support.MmscStandIn;
import io.baton.support.MmscStandInResource;
import io.baton.support.SmscSimulator;
import io.baton.support.SmscSimulatorResource;
import io.baton.support.SubmitReqWire;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * The relay with both networks real: a subscriber texts the keyword by SMPP deliver_sm (OpenSMPP's
 * SMSC simulator), the seed goes out by MM7 SubmitReq (the MMSC stand-in) and is reported
 * delivered back on {@code POST /mm7}; the subscriber forwards what the handset received, and the
 * serial notice goes out over SMPP, whose delivery receipt comes back and marks it delivered.
 */
@QuarkusTest
@TestProfile(NetworkRelayTest.BothNetworks.class)
class NetworkRelayTest {

    /** Baton with {@code baton.smpp.*} at the SMSC simulator and {@code baton.mm7.*} at the MMSC stand-in. */
    public static class BothNetworks implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SmscSimulatorResource.class),
                    new TestResourceEntry(MmscStandInResource.class));
        }
    }

    static final String CAMPAIGN = "network-relay";
    static final String SHORT_CODE = "10658088";
    static final String TAG = "#network-relay#";
    static final String SUBSCRIBER = "8615000000201";
    static final String FRIEND = "8615100000202";

    @Test
    void aKeywordBySmppBringsTheSeedByMm7AndTheForwardsSerialComesBackBySmppWithItsReceipt() throws Exception {
        SmscSimulator smsc = SmscSimulatorResource.simulator();
        MmscStandIn mmsc = MmscStandInResource.standIn();
        URI mm7 = URI.create("http://127.0.0.1:" + RestAssured.port + "/mm7");
        Api.putCampaign(CAMPAIGN, EventFixtures.campaignYaml(CAMPAIGN, SHORT_CODE, EventFixtures.image(201), TAG)
                .replace("starts: 2008-01-01", "starts: 2020-01-01").replace("ends: 2008-12-31", "ends: 2099-12-31"))
                .statusCode(anyOf(equalTo(200), equalTo(201)));
        await().atMost(Duration.ofSeconds(20)).until(() -> smsc.boundSessions() >= 1);

        // the keyword arrives from the SMSC as deliver_sm
        smsc.deliverMo(SUBSCRIBER, SHORT_CODE, 0, 0, GsmAlphabet.encode(CAMPAIGN));

        // the seed leaves by MM7, tagged, from the short code, and the MMSC reports it retrieved
        await().atMost(Duration.ofSeconds(30)).until(() -> mmsc.deliveredTo(SUBSCRIBER).size() == 1);
        SubmitReqWire.SubmitReq seed = mmsc.deliveredTo(SUBSCRIBER).get(0);
        assertThat(seed.senderShortCode()).isEqualTo(SHORT_CODE);
        assertThat(seed.parts()).anySatisfy(p -> assertThat(p.mimeType()).isEqualTo("image/jpeg"));
        HttpResponse<String> report = mmsc.reportDelivery(mm7, SUBSCRIBER, "Retrieved", "demo", Api.TOKEN);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("DeliveryReportRsp").contains("1000");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Api.stats(CAMPAIGN))
                .containsEntry("seedsSent", 1));

        // the subscriber forwards what the handset received (SMIL left behind, as many handsets do)
        List<Map<String, Object>> forwarded = seed.parts().stream()
                .filter(p -> !p.mimeType().equals("application/smil"))
                .map(p -> part(p.mimeType(), p.data())).toList();
        String now = OffsetDateTime.now().toString();
        Api.postEvents(List.of(submit("nj-1", "net-1", SUBSCRIBER, FRIEND, now, forwarded),
                delivery("sz-2", "net-1", FRIEND, "retrieved", now))).statusCode(202).body("accepted", equalTo(2));

        // the serial notice goes out over SMPP from the short code; the SMSC's receipt marks it delivered
        String serial = await().atMost(Duration.ofSeconds(30))
                .until(() -> Api.serials(CAMPAIGN, SUBSCRIBER), s -> s.size() == 1).get(0).get("serial").toString();
        SmscSimulator.Received notice = await().atMost(Duration.ofSeconds(30))
                .until(() -> smsc.received().stream().filter(r -> r.to().equals(SUBSCRIBER)).findFirst()
                        .orElse(null), r -> r != null);
        assertThat(notice.from()).isEqualTo(SHORT_CODE);
        assertThat(GsmAlphabet.decode(notice.shortMessage(), 0, notice.shortMessage().length))
                .isEqualTo("serial " + serial);
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(Api.sms(SUBSCRIBER)).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("state", "delivered").containsEntry("kind", "serial")));
        assertThat(smsc.received().stream().filter(r -> r.to().equals(SUBSCRIBER))).hasSize(1);
        assertThat(mmsc.attemptsFor(SUBSCRIBER)).hasSize(1);
        assertThat(mmsc.wireErrors()).isEmpty();
    }
}
