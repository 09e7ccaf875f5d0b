package io.baton.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.baton.campaign.CampaignRegistry;
import io.baton.campaign.domain.Campaign;
import io.baton.common.Msisdn;
import io.baton.crediting.domain.CreditCandidate;
import io.baton.crediting.domain.CreditedForward;
import io.baton.crediting.store.CreditLedger;
import io.baton.db.Transactions;
import io.baton.ingest.domain.MmscEvent;
import io.baton.recognition.domain.MessageContent;
import io.baton.recognition.domain.Recognition;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Correlates submits and delivery reports. Each event is handled in one transaction under a lock
 * on its message id, so a submit and its delivery report never miss each other whichever commits
 * first; crediting then takes the sender's lock. The result is the same in any order of arrival.
 */
@ApplicationScoped
public class TrackingService {

    private static final Logger LOG = Logger.getLogger(TrackingService.class);

    private final Transactions tx;
    private final CampaignRegistry campaigns;
    private final CreditLedger ledger;
    private final MeterRegistry metrics;

    public TrackingService(Transactions tx, CampaignRegistry campaigns, CreditLedger ledger, MeterRegistry metrics) {
        this.tx = tx;
        this.campaigns = campaigns;
        this.ledger = ledger;
        this.metrics = metrics;
    }

    /** Handles one event; returns the forwards it credited (committed). */
    public List<CreditedForward> handle(MmscEvent e) {
        return e.isSubmit() ? submit(e) : delivery(e);
    }

    private List<CreditedForward> submit(MmscEvent e) {
        if (campaigns.isPlatformAddress(e.from())) {
            metrics.counter("baton.submits.platform").increment();
            return List.of(); // our own seed send through the MMSC: not a forward
        }
        List<MessageContent.Part> parts = new ArrayList<>();
        for (MmscEvent.Part p : e.parts()) {
            parts.add(new MessageContent.Part(p.contentType(), Base64.getMimeDecoder().decode(p.data())));
        }
        Optional<Recognition> recognition = campaigns.matcher().recognise(new MessageContent(e.subject(), parts));
        if (recognition.isEmpty()) {
            metrics.counter("baton.submits.unrecognised").increment();
            return List.of();
        }
        Recognition r = recognition.get();
        Campaign campaign = campaigns.find(r.campaignId()).orElseThrow();
        metrics.counter("baton.submits.recognised", "campaign", campaign.id()).increment();
        LOG.debugf("submit=recognised message=%s campaign=%s from=%s reason=\"%s\"", e.messageId(), campaign.id(),
                Msisdn.mask(e.from()), r.reason());
        return tx.inTransaction(c -> {
            CreditLedger.lock(c, "m:" + e.messageId());
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO submit (message_id, campaign_id, sender, mmsc, submitted_at, recognised_by)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                ps.setString(1, e.messageId());
                ps.setString(2, campaign.id());
                ps.setString(3, e.from());
                ps.setString(4, e.mmsc());
                ps.setObject(5, OffsetDateTime.parse(e.at()));
                ps.setString(6, r.reason());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO submit_recipient (message_id, recipient) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                for (String to : e.to()) {
                    ps.setString(1, e.messageId());
                    ps.setString(2, to);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            Submit s = findSubmit(c, e.messageId()).orElseThrow();
            List<CreditedForward> credited = new ArrayList<>();
            for (String to : e.to()) {
                Optional<OffsetDateTime> delivered = deliveredAt(c, e.messageId(), to,
                        campaignOf(s).crediting().onStatus());
                if (delivered.isPresent()) {
                    credit(c, s, to, delivered.get()).ifPresent(credited::add);
                }
            }
            return credited;
        });
    }

    private List<CreditedForward> delivery(MmscEvent e) {
        String to = e.to().get(0);
        return tx.inTransaction(c -> {
            CreditLedger.lock(c, "m:" + e.messageId());
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO delivery (message_id, recipient, status, mmsc, delivered_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                ps.setString(1, e.messageId());
                ps.setString(2, to);
                ps.setString(3, e.status());
                ps.setString(4, e.mmsc());
                ps.setObject(5, OffsetDateTime.parse(e.at()));
                ps.executeUpdate();
            }
            Optional<Submit> submit = findSubmit(c, e.messageId());
            if (submit.isEmpty() || !isRecipient(c, e.messageId(), to)) {
                return List.<CreditedForward>of(); // not ours, or its submit has not arrived yet
            }
            Campaign campaign = campaignOf(submit.get());
            if (campaign == null || !campaign.crediting().onStatus().equals(e.status())) {
                return List.<CreditedForward>of();
            }
            return credit(c, submit.get(), to, OffsetDateTime.parse(e.at())).map(List::of).orElse(List.of());
        });
    }

    private Optional<CreditedForward> credit(Connection c, Submit s, String recipient, OffsetDateTime deliveredAt)
            throws SQLException {
        Campaign campaign = campaignOf(s);
        if (campaign == null) {
            return Optional.empty();
        }
        CreditCandidate cand = new CreditCandidate(campaign.id(), s.messageId(), Msisdn.parse(s.sender()),
                Msisdn.parse(recipient), s.submittedAt(), deliveredAt);
        return ledger.decide(c, campaign, cand);
    }

    private Campaign campaignOf(Submit s) {
        return campaigns.find(s.campaignId()).orElse(null);
    }

    private record Submit(String messageId, String campaignId, String sender, OffsetDateTime submittedAt) {
    }

    private static Optional<Submit> findSubmit(Connection c, String messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT campaign_id, sender, submitted_at FROM submit WHERE message_id = ?")) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Submit(messageId, rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class)));
            }
        }
    }

    private static boolean isRecipient(Connection c, String messageId, String to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM submit_recipient WHERE message_id = ? AND recipient = ?")) {
            ps.setString(1, messageId);
            ps.setString(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Optional<OffsetDateTime> deliveredAt(Connection c, String messageId, String to, String status)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT delivered_at FROM delivery WHERE message_id = ? AND recipient = ? AND status = ?")) {
            ps.setString(1, messageId);
            ps.setString(2, to);
            ps.setString(3, status);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, OffsetDateTime.class)) : Optional.empty();
            }
        }
    }
}
