package io.baton.notify.mm7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.baton.db.Transactions;
import io.baton.support.Api;
import io.baton.support.MmscStandIn;
import io.baton.support.MmscStandInResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * With {@code baton.mm7.resend-unsettled}: a seed whose SubmitRsp was lost (the MMSC took it, Baton
 * never recorded the answer) shows in {@code baton_outbox_unsettled{outbox="mms"}}, is sent again
 * once with the same TransactionID, the MMSC dedupes it, and the gauge drops.
 */
@QuarkusTest
@TestProfile(Mm7UnsettledTest.ResendingUnsettled.class)
class Mm7UnsettledTest {

    public static class ResendingUnsettled extends MmscStandInProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("baton.mm7.resend-unsettled", "true");
        }
    }

    @Inject
    Transactions tx;

    @Inject
    DataSource dataSource;

    @Test
    void aSeedWhoseAnswerWasLostIsResentOnceWithTheSameTransactionId() throws Exception {
        SeedSendRows rows = new SeedSendRows(tx);
        MmscStandIn mmsc = MmscStandInResource.standIn();
        String subscriber = "8613905000301";
        Api.mo(subscriber, "10658000", "2008", Mm7FaultsTest.DAY).statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.of(subscriber).map(r -> r.messageId() != null)
                .orElse(false));
        SeedSendRows.Row sent = rows.of(subscriber).orElseThrow();

        try (Connection hold = dataSource.getConnection()) {
            // a KEY SHARE lock lets the row be made unsettled but makes the resend's FOR UPDATE SKIP
            // LOCKED pass it by: the gauge can be read before the resend settles the row
            hold.setAutoCommit(false);
            try (PreparedStatement ps = hold.prepareStatement("SELECT id FROM seed_send WHERE id = ? FOR KEY SHARE")) {
                ps.setLong(1, sent.id());
                ps.executeQuery().close();
            }
            rows.unsettle(sent.id());
            await().atMost(Duration.ofSeconds(10)).until(() -> Api.unsettled("mms") >= 1);
            assertThat(mmsc.attemptsFor(subscriber)).as("not resent while held").hasSize(1);
            hold.rollback();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> rows.of(subscriber).map(r -> r.messageId() != null)
                .orElse(false));
        assertThat(mmsc.attemptsFor(subscriber)).hasSize(2).extracting(r -> r.submit().transactionId())
                .containsOnly(Mm7Sender.transactionId(sent.id()));
        assertThat(mmsc.deliveredTo(subscriber)).as("the MMSC dedupes by TransactionID").hasSize(1);
        SeedSendRows.Row settled = rows.of(subscriber).orElseThrow();
        assertThat(settled.messageId()).isEqualTo(sent.messageId());
        assertThat(settled.attempts()).as("the lost attempt and the resend").isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.unsettled("mms") == 0);
    }

    @Test
    void aSeedWhoseAttemptNeverBeganIsNeitherCountedNorResent() {
        SeedSendRows rows = new SeedSendRows(tx);
        MmscStandIn mmsc = MmscStandInResource.standIn();
        String subscriber = "8613905000302";
        Api.mo(subscriber, "10658000", "2008", Mm7FaultsTest.DAY).statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.of(subscriber).map(r -> r.messageId() != null)
                .orElse(false));
        double before = Api.unsettled("mms");

        // as the logging sender, or a version before attempts were kept, leaves a sent seed
        rows.unsettle(rows.of(subscriber).orElseThrow().id(), 0);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> mmsc.attemptsFor(subscriber).size() == 1 && Api.unsettled("mms") <= before);
    }
}
