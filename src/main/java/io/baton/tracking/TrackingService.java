package io.baton.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.campaign.CampaignRegistry;
import io.baton.campaign.domain.Campaign;
import io.baton.common.Msisdn;
import io.baton.crediting.domain.CreditCandidate;
import io.baton.crediting.domain.CreditedForward;
import io.baton.crediting.store.CreditLedger;
import io.baton.db.Locks;
import io.baton.db.SqlArrays;
import io.baton.db.Transactions;
import io.baton.ingest.domain.MmscEvent;
import io.baton.recognition.domain.MessageContent;
import io.baton.recognition.domain.Recognition;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Correlates submits and delivery reports, a Kafka batch at a time in one transaction. The batch
 * first locks every message id it touches (sorted), records its deliveries and recognised submits,
 * then looks for (submit × recipient × delivery) triples not yet decided — whichever of a submit
 * and its report arrived first, the one that arrives second finds the other. The result is the
 * same in any order of arrival, in any split into batches, from any MMSC.
 */
@ApplicationScoped
public class TrackingService {

    private static final Logger LOG = Logger.getLogger(TrackingService.class);

    private final Transactions tx;
    private final CampaignRegistry campaigns;
    private final CreditLedger ledger;
    private final MeterRegistry metrics;
    private final ObjectMapper json;

    public TrackingService(Transactions tx, CampaignRegistry campaigns, CreditLedger ledger, MeterRegistry metrics,
            ObjectMapper json) {
        this.tx = tx;
        this.campaigns = campaigns;
        this.ledger = ledger;
        this.metrics = metrics;
        this.json = json;
    }

    private record Submit(MmscEvent event, Campaign campaign, Recognition recognition) {
    }

    /** An unrecognised submit whose evidence came close to a campaign: kept so managers see why. */
    private record Miss(MmscEvent event, String campaignId, Recognition recognition) {
    }

    /** Handles a batch of events; returns the forwards it credited (committed). */
    public List<CreditedForward> handle(List<MmscEvent> events) {
        List<Submit> submits = new ArrayList<>();
        List<Miss> misses = new ArrayList<>();
        List<MmscEvent> deliveries = new ArrayList<>();
        for (MmscEvent e : events) {
            if (e.isSubmit()) {
                recognise(e, misses).ifPresent(submits::add);
            } else {
                deliveries.add(e);
            }
        }
        if (submits.isEmpty() && deliveries.isEmpty() && misses.isEmpty()) {
            return List.of();
        }
        Set<String> messageIds = new LinkedHashSet<>();
        submits.forEach(s -> messageIds.add(s.event().messageId()));
        deliveries.forEach(d -> messageIds.add(d.messageId()));
        return tx.inTransaction(c -> {
            Locks.lockAll(c, messageIds.stream().map(id -> "m:" + id).toList());
            insertDeliveries(c, deliveries);
            insertSubmits(c, submits);
            insertMisses(c, misses);
            return ledger.decideAll(c, candidates(c, new ArrayList<>(messageIds)));
        });
    }

    private Optional<Submit> recognise(MmscEvent e, List<Miss> misses) {
        if (campaigns.isPlatformAddress(e.from())) {
            metrics.counter("baton.submits.platform").increment();
            return Optional.empty(); // our own seed send through the MMSC: not a forward
        }
        List<MessageContent.Part> parts = new ArrayList<>();
        for (MmscEvent.Part p : e.parts()) {
            parts.add(new MessageContent.Part(p.contentType(), Base64.getMimeDecoder().decode(p.data())));
        }
        OffsetDateTime at = OffsetDateTime.parse(e.at());
        Recognition r = campaigns.matcher().recognise(new MessageContent(e.subject(), parts),
                id -> campaigns.find(id).map(c -> c.runsAt(at)).orElse(false));
        Optional<Campaign> campaign = r.campaignId().flatMap(campaigns::find);
        if (campaign.isEmpty()) {
            metrics.counter("baton.submits.unrecognised", "reason", r.ambiguous() ? "ambiguous" : "no-seed")
                    .increment();
            if (r.ambiguous()) {
                misses.add(new Miss(e, r.ambiguousBetween().get(0), r));
                LOG.infof("submit=ambiguous message=%s campaigns=%s from=%s", e.messageId(), r.ambiguousBetween(),
                        Msisdn.mask(e.from()));
                return Optional.empty();
            }
            r.closestCampaign().ifPresent(id -> {
                misses.add(new Miss(e, id, r));
                LOG.debugf("submit=near-miss message=%s campaign=%s from=%s reason=\"%s\"", e.messageId(), id,
                        Msisdn.mask(e.from()), r.reason());
            });
            return Optional.empty();
        }
        metrics.counter("baton.submits.recognised", "campaign", campaign.get().id()).increment();
        LOG.debugf("submit=recognised message=%s campaign=%s from=%s confidence=%.3f reason=\"%s\"", e.messageId(),
                campaign.get().id(), Msisdn.mask(e.from()), r.confidence(), r.reason());
        return Optional.of(new Submit(e, campaign.get(), r));
    }

    private static void insertDeliveries(Connection c, List<MmscEvent> deliveries) throws SQLException {
        if (deliveries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO delivery (message_id, recipient, status, mmsc, delivered_at)
                SELECT m, r, s, x, a::timestamptz FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS t(m, r, s, x, a)
                ON CONFLICT DO NOTHING""")) {
            ps.setArray(1, SqlArrays.column(c, deliveries, MmscEvent::messageId));
            ps.setArray(2, SqlArrays.column(c, deliveries, d -> d.to().get(0)));
            ps.setArray(3, SqlArrays.column(c, deliveries, MmscEvent::status));
            ps.setArray(4, SqlArrays.column(c, deliveries, MmscEvent::mmsc));
            ps.setArray(5, SqlArrays.column(c, deliveries, MmscEvent::at));
            ps.executeUpdate();
        }
    }

    private void insertSubmits(Connection c, List<Submit> submits) throws SQLException {
        if (submits.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO submit (message_id, campaign_id, sender, mmsc, submitted_at, recognised_by, confidence,
                                    evidence)
                SELECT m, c, s, x, a::timestamptz, r, f, e::jsonb
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::text[])
                    AS t(m, c, s, x, a, r, f, e)
                ON CONFLICT DO NOTHING""")) {
            ps.setArray(1, SqlArrays.column(c, submits, s -> s.event().messageId()));
            ps.setArray(2, SqlArrays.column(c, submits, s -> s.campaign().id()));
            ps.setArray(3, SqlArrays.column(c, submits, s -> s.event().from()));
            ps.setArray(4, SqlArrays.column(c, submits, s -> s.event().mmsc()));
            ps.setArray(5, SqlArrays.column(c, submits, s -> s.event().at()));
            ps.setArray(6, SqlArrays.column(c, submits, s -> s.recognition().reason()));
            ps.setArray(7, c.createArrayOf("float8", submits.stream().map(s -> s.recognition().confidence()).toArray()));
            ps.setArray(8, SqlArrays.column(c, submits, s -> json(s.recognition())));
            ps.executeUpdate();
        }
        List<String[]> recipients = new ArrayList<>();
        for (Submit s : submits) {
            for (String to : s.event().to()) {
                recipients.add(new String[] { s.event().messageId(), to });
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO submit_recipient (message_id, recipient)
                SELECT * FROM unnest(?::text[], ?::text[]) ON CONFLICT DO NOTHING""")) {
            ps.setArray(1, SqlArrays.column(c, recipients, r -> r[0]));
            ps.setArray(2, SqlArrays.column(c, recipients, r -> r[1]));
            ps.executeUpdate();
        }
    }

    private void insertMisses(Connection c, List<Miss> misses) throws SQLException {
        if (misses.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO recognition_miss (message_id, campaign_id, sender, mmsc, submitted_at, evidence, reason,
                                              ambiguous_with)
                SELECT m, c, s, x, a::timestamptz, e::jsonb, r, CASE WHEN w = '' THEN NULL ELSE string_to_array(w, ',') END
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS t(m, c, s, x, a, e, r, w)
                ON CONFLICT DO NOTHING""")) {
            ps.setArray(1, SqlArrays.column(c, misses, m -> m.event().messageId()));
            ps.setArray(2, SqlArrays.column(c, misses, Miss::campaignId));
            ps.setArray(3, SqlArrays.column(c, misses, m -> m.event().from()));
            ps.setArray(4, SqlArrays.column(c, misses, m -> m.event().mmsc()));
            ps.setArray(5, SqlArrays.column(c, misses, m -> m.event().at()));
            ps.setArray(6, SqlArrays.column(c, misses, m -> json(m.recognition())));
            ps.setArray(7, SqlArrays.column(c, misses, m -> m.recognition().ambiguous() ? "ambiguous" : "near-miss"));
            ps.setArray(8, SqlArrays.column(c, misses, m -> String.join(",",
                    m.recognition().ambiguousBetween().stream().filter(id -> !id.equals(m.campaignId())).toList())));
            ps.executeUpdate();
        }
    }

    private String json(Recognition r) {
        try {
            // jsonb holds no NUL: a NUL in a text part's words would make PostgreSQL refuse the whole batch
            return json.writeValueAsString(r.evidence()).replace("\\u0000", "\\uFFFD");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence is not serialisable", e);
        }
    }

    /** Recognised (submit, recipient) pairs of these messages whose crediting status has arrived, not yet decided. */
    private List<CreditLedger.Candidate> candidates(Connection c, List<String> messageIds) throws SQLException {
        List<CreditLedger.Candidate> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.message_id, sr.recipient, s.campaign_id, s.sender, s.submitted_at, d.status, d.delivered_at
                FROM submit s
                JOIN submit_recipient sr ON sr.message_id = s.message_id
                JOIN delivery d ON d.message_id = sr.message_id AND d.recipient = sr.recipient
                WHERE s.message_id = ANY(?::text[])
                  AND NOT EXISTS (SELECT 1 FROM forward f WHERE f.message_id = sr.message_id AND f.recipient = sr.recipient)
                  AND NOT EXISTS (SELECT 1 FROM credit_rejection r
                                  WHERE r.message_id = sr.message_id AND r.recipient = sr.recipient)""")) {
            ps.setArray(1, SqlArrays.column(c, messageIds, id -> id));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Optional<Campaign> campaign = campaigns.find(rs.getString(3));
                    if (campaign.isEmpty() || !campaign.get().crediting().onStatus().equals(rs.getString(6))) {
                        continue;
                    }
                    out.add(new CreditLedger.Candidate(campaign.get(), new CreditCandidate(campaign.get().id(),
                            rs.getString(1), Msisdn.parse(rs.getString(4)), Msisdn.parse(rs.getString(2)),
                            rs.getObject(5, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class))));
                }
            }
        }
        return out;
    }
}
