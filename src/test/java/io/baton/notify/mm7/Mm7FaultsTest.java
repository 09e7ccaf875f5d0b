package io.baton.notify.mm7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.baton.db.Transactions;
import io.baton.support.Api;
import io.baton.support.MmscStandIn;
import io.baton.support.MmscStandIn.Answer;
import io.baton.support.MmscStandInResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The MMSC misbehaves: server errors and unavailability are retried with the same TransactionID
 * until accepted, permanent refusals fail the seed at once, a slow answer is retried and the MMSC
 * dedupes it. In every case each subscriber gets the seed at most once and no seed is lost.
 */
@QuarkusTest
@TestProfile(MmscStandInProfile.class)
class Mm7FaultsTest {

    static final String DAY = "2008-01-11T10:00:00+08:00";

    @Inject
    Transactions tx;

    SeedSendRows rows;
    MmscStandIn mmsc;

    @BeforeEach
    void setUp() {
        rows = new SeedSendRows(tx);
        mmsc = MmscStandInResource.standIn();
    }

    @Test
    void anHttp500ThenSuccessDeliversTheSeedOnce() {
        String subscriber = "8613905000201";
        mmsc.plan(subscriber, new Answer.Http(500));

        Api.mo(subscriber, "10658000", "2008", DAY).statusCode(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> rows.of(subscriber).map(r -> r.messageId() != null)
                .orElse(false));
        assertThat(mmsc.attemptsFor(subscriber)).hasSize(2);
        assertThat(mmsc.attemptsFor(subscriber)).extracting(r -> r.submit().transactionId()).containsOnly(
                Mm7Sender.transactionId(rows.of(subscriber).orElseThrow().id()));
        assertThat(mmsc.deliveredTo(subscriber)).hasSize(1);
        SeedSendRows.Row row = rows.of(subscriber).orElseThrow();
        assertThat(row.state()).isEqualTo("sent");
        assertThat(row.attempts()).isEqualTo(2);
    }

    @Test
    void serviceUnavailableTwiceThenSuccessDeliversTheSeedOnce() {
        String subscriber = "8613905000202";
        mmsc.plan(subscriber, new Answer.Status(4006, "Service Unavailable"),
                new Answer.Status(4006, "Service Unavailable"));

        Api.mo(subscriber, "10658000", "2008", DAY).statusCode(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> rows.of(subscriber).map(r -> r.messageId() != null)
                .orElse(false));
        assertThat(mmsc.attemptsFor(subscriber)).hasSize(3);
        assertThat(mmsc.deliveredTo(subscriber)).hasSize(1);
    }

    @Test
    void aValidationErrorFailsTheSeedWithoutRetrying() {
        String subscriber = "8613905000203";
        mmsc.plan(subscriber, new Answer.Status(4004, "Validation error"));

        Api.mo(subscriber, "10658000", "2008", DAY).statusCode(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(rows.state(subscriber)));
        assertThat(rows.of(subscriber).orElseThrow().lastError()).isEqualTo("4004 Validation error");
        // retries would come within the 200 ms backoff: none in twice the longest backoff
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> mmsc.attemptsFor(subscriber).size() == 1);
        assertThat(mmsc.deliveredTo(subscriber)).isEmpty();
    }

    @Test
    void anAddressErrorFailsTheSeedWithoutRetrying() {
        String subscriber = "8613905000204";
        mmsc.plan(subscriber, new Answer.Status(2002, "Address Error"));

        Api.mo(subscriber, "10658000", "2008", DAY).statusCode(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(rows.state(subscriber)));
        assertThat(rows.of(subscriber).orElseThrow().lastError()).isEqualTo("2002 Address Error");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> mmsc.attemptsFor(subscriber).size() == 1);
    }

    @Test
    void aTimeoutIsRetriedWithTheSameTransactionIdAndTheMmscDeliversOnce() {
        String subscriber = "8613905000205";
        mmsc.plan(subscriber, new Answer.Slow(Duration.ofSeconds(3)));

        Api.mo(subscriber, "10658000", "2008", DAY).statusCode(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> rows.of(subscriber).map(r -> r.messageId() != null)
                .orElse(false));
        SeedSendRows.Row row = rows.of(subscriber).orElseThrow();
        assertThat(row.attempts()).isEqualTo(2);
        assertThat(mmsc.attemptsFor(subscriber)).hasSize(2).extracting(r -> r.submit().transactionId())
                .containsOnly(Mm7Sender.transactionId(row.id()));
        assertThat(mmsc.deliveredTo(subscriber)).hasSize(1);
        assertThat(row.messageId()).isEqualTo(mmsc.messageIdOf(Mm7Sender.transactionId(row.id())));
    }

    @Test
    void aSeedIsGivenUpAfterTheLastAttempt() {
        String subscriber = "8613905000206";
        mmsc.plan(subscriber, new Answer.Http(503), new Answer.Http(503), new Answer.Http(503),
                new Answer.Http(503), new Answer.Http(503));

        Api.mo(subscriber, "10658000", "2008", DAY).statusCode(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(rows.state(subscriber)));
        assertThat(rows.of(subscriber).orElseThrow().lastError()).startsWith("gave up after 4 attempts: HTTP 503");
        assertThat(mmsc.attemptsFor(subscriber)).hasSize(4);
    }

    @Test
    void manySeedsAtOnceReachEachSubscriberExactlyOnce() {
        for (int i = 0; i < 20; i++) {
            String subscriber = "86139050003" + String.format("%02d", i);
            if (i % 4 == 0) {
                mmsc.plan(subscriber, new Answer.Http(500));
            }
            Api.mo(subscriber, "10658000", "2008", DAY).statusCode(202);
            Api.mo(subscriber, "10658000", "2008", DAY).statusCode(202);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (int i = 0; i < 20; i++) {
                if (mmsc.deliveredTo("86139050003" + String.format("%02d", i)).isEmpty()) {
                    return false;
                }
            }
            return true;
        });
        for (int i = 0; i < 20; i++) {
            String subscriber = "86139050003" + String.format("%02d", i);
            assertThat(mmsc.deliveredTo(subscriber)).as(subscriber).hasSize(1);
            assertThat(mmsc.attemptsFor(subscriber)).as(subscriber).hasSize(i % 4 == 0 ? 2 : 1);
        }
        assertThat(mmsc.wireErrors()).isEmpty();
    }

    @Test
    void aSeedWhoseAnswerWasLostShowsInTheGaugeAndIsNotResentByDefault() {
        String subscriber = "8613905000302";
        Api.mo(subscriber, "10658000", "2008", DAY).statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.of(subscriber).map(r -> r.messageId() != null)
                .orElse(false));
        SeedSendRows.Row sent = rows.of(subscriber).orElseThrow();
        double before = Api.unsettled("mms");

        rows.unsettle(sent.id());

        await().atMost(Duration.ofSeconds(10)).until(() -> Api.unsettled("mms") >= before + 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> mmsc.attemptsFor(subscriber).size() == 1);
        assertThat(rows.of(subscriber).orElseThrow().messageId()).as("left to the operator").isNull();
        rows.failUnsettled(sent.id()); // as an operator would after checking the MMSC: the gauge drops
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.unsettled("mms") <= before);
    }
}
