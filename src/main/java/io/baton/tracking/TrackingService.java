package io.baton.tracking;

import java.sql.Connection;
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
import io.baton.db.Transactions;
import io.baton.ingest.domain.MmscEvent;
import io.baton.prize.PrizeDesk;
import io.baton.recognition.domain.MessageContent;
import io.baton.recognition.domain.Recognition;
import io.baton.tracking.store.CorrelationStore;
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
    private final CorrelationStore store;
    private final PrizeDesk prizes;

    public TrackingService(Transactions tx, CampaignRegistry campaigns, CreditLedger ledger, MeterRegistry metrics,
            ObjectMapper json, CorrelationStore store, PrizeDesk prizes) {
        this.prizes = prizes;
        this.store = store;
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
        List<CorrelationStore.NewSubmit> newSubmits = submits.stream().map(x -> new CorrelationStore.NewSubmit(
                x.event(), x.campaign().id(), x.recognition().reason(), x.recognition().confidence(),
                json(x.recognition()))).toList();
        List<CorrelationStore.NewMiss> newMisses = misses.stream().map(m -> new CorrelationStore.NewMiss(m.event(),
                m.campaignId(), json(m.recognition()), m.recognition().ambiguous(),
                m.recognition().ambiguousBetween().stream().filter(id -> !id.equals(m.campaignId())).toList()))
                .toList();
        return tx.inTransaction(c -> {
            Locks.lockAll(c, messageIds.stream().map(id -> "m:" + id).toList());
            store.insertDeliveries(c, deliveries);
            store.insertSubmits(c, newSubmits);
            store.insertMisses(c, newMisses);
            List<CreditedForward> credited = ledger.decideAll(c, candidates(c, new ArrayList<>(messageIds)));
            prizes.award(c, prizeCredits(credited));
            return credited;
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

    private List<PrizeDesk.Credit> prizeCredits(List<CreditedForward> credited) {
        List<PrizeDesk.Credit> out = new ArrayList<>(credited.size());
        for (CreditedForward f : credited) {
            campaigns.find(f.campaignId()).filter(c -> c.prizes().isPresent()).ifPresent(c -> out.add(
                    new PrizeDesk.Credit(c, f.sender(), f.region(), f.serial(), f.creditedAt())));
        }
        return out;
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
        for (CorrelationStore.Pending p : store.pending(c, messageIds)) {
            Optional<Campaign> campaign = campaigns.find(p.campaignId());
            if (campaign.isEmpty() || !campaign.get().crediting().onStatus().equals(p.status())) {
                continue;
            }
            out.add(new CreditLedger.Candidate(campaign.get(), new CreditCandidate(campaign.get().id(), p.messageId(),
                    Msisdn.parse(p.sender()), Msisdn.parse(p.recipient()), p.submittedAt(), p.deliveredAt())));
        }
        return out;
    }
}
