package io.baton.notify.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.baton.support.Api;

/** Help notices queued through the MO endpoint, and the SMSC-side check that each went out once. */
final class HelpNotices {

    private HelpNotices() {
    }

    /** Help notices to {@code n} subscribers (their MO text is no keyword), all queued at once. */
    static List<String> queue(String prefix, int n) {
        List<String> to = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String msisdn = prefix + String.format("%03d", i);
            Api.mo(msisdn, "10658000", "hello?", "2008-01-11T18:00:00+08:00").statusCode(202);
            to.add(msisdn);
        }
        return to;
    }

    /** Each notice reached the SMSC exactly once and is sent (or already delivered): none lost, none twice. */
    static void awaitEachAcceptedOnceAndSent(FaultySmsc smsc, List<String> to) {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (String msisdn : to) {
                assertThat(smsc.acceptedCount(msisdn)).as(msisdn).isEqualTo(1);
                assertThat(Api.sms(msisdn)).singleElement().satisfies(m -> assertThat((String) m.get("state"))
                        .isIn("sent", "delivered"));
            }
        });
    }
}
