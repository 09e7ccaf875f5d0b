package io.baton.prize;

import static io.baton.support.EventFixtures.delivery;
import static io.baton.support.EventFixtures.part;
import static io.baton.support.EventFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.baton.support.Api;
import io.baton.support.EventFixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A win's SMS carries a claim code; "LJ code" from the winner's number claims it once, and every
 * other try gets a helpful answer: already claimed, a code this number does not hold, too late.
 */
@QuarkusTest
class PrizeClaimsTest {

    static final String CAMPAIGN = "prize-claims";
    static final String SHORT_CODE = "10651617";
    static final byte[] IMAGE = EventFixtures.image(1617);

    static String yaml() {
        return EventFixtures.campaignYaml(CAMPAIGN, SHORT_CODE, IMAGE, "#prize-claims#") + """
                prizes:
                  budget: 100
                  tiers:
                    - {id: topup, name: "10 yuan top-up", unitCost: 10, quantity: 10}
                  instant:
                    - {tier: topup, pacing: none}
                  claim: {keyword: LJ, deadline: P3D}
                """;
    }

    /** Forwards one MMS from {@code sender}; answers the claim code its prize SMS carries. */
    private static String win(String sender, String recipient, String id) {
        Api.postEvents(List.of(
                submit("nj-1", id, sender, recipient, "2008-06-01T10:00:00+08:00", List.of(part("image/jpeg", IMAGE))),
                delivery("nj-1", id, recipient, "retrieved", "2008-06-01T10:00:30+08:00"))).statusCode(202);
        Pattern code = Pattern.compile("text LJ ([A-Z0-9]{8}) to " + SHORT_CODE);
        return await().atMost(Duration.ofSeconds(30)).until(() -> Api.allSms(sender).stream()
                .filter(n -> "prize".equals(n.get("kind"))).map(n -> code.matcher((String) n.get("text")))
                .filter(Matcher::find).map(m -> m.group(1)).findFirst().orElse(null), c -> c != null);
    }

    private static String answerTo(String sender, int nth) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> answers = Api.allSms(sender).stream().filter(n -> "claim".equals(n.get("kind")))
                    .toList();
            return answers.size() >= nth ? (String) answers.get(0).get("text") : null; // newest first
        }, t -> t != null);
    }

    @Test
    void aWinIsClaimedOnceByItsCodeFromTheWinnersNumber() {
        Api.putCampaign(CAMPAIGN, yaml()).statusCode(anyOf(equalTo(200), equalTo(201)));
        String winner = "8615000161701";
        String code = win(winner, "8615100161701", "claim-1");

        Api.mo(winner, SHORT_CODE, "lj " + code.toLowerCase(), "2008-06-02T09:00:00+08:00").statusCode(202);
        assertThat(answerTo(winner, 1)).contains("is claimed").contains("10 yuan top-up");
        assertThat(Api.admin().queryParam("msisdn", winner).get("/api/v1/campaigns/" + CAMPAIGN + "/wins").then()
                .statusCode(200).extract().jsonPath().getList("wins.state")).containsExactly("claimed");

        Api.mo(winner, SHORT_CODE, "LJ " + code, "2008-06-02T09:05:00+08:00").statusCode(202);
        assertThat(answerTo(winner, 2)).contains("was already claimed on 2008-06-02 09:00");

        // the code is the winner's: from another number it names nothing
        String other = "8615000161702";
        Api.mo(other, SHORT_CODE, "LJ " + code, "2008-06-02T09:10:00+08:00").statusCode(202);
        assertThat(answerTo(other, 1)).startsWith("We found no prize with code " + code);
    }

    @Test
    void aClaimAfterTheDeadlineIsToldSoAndFullWidthTextIsRead() {
        Api.putCampaign(CAMPAIGN, yaml()).statusCode(anyOf(equalTo(200), equalTo(201)));
        String winner = "8615000161703";
        String code = win(winner, "8615100161703", "claim-2");
        // P3D after the win's event time (2008-06-01 10:00:30)
        Api.mo(winner, SHORT_CODE, "ＬＪ　" + code, "2008-06-04T10:01:00+08:00").statusCode(202);
        assertThat(answerTo(winner, 1)).contains("ended on 2008-06-04 10:00");
    }
}
