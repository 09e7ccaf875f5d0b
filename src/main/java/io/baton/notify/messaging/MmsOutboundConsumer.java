package io.baton.notify.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.campaign.CampaignRegistry;
import io.baton.db.DatabaseWait;
import io.baton.notify.MmsSender;
import io.baton.notify.store.SeedSendOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Sends what arrives on {@code mms-outbound}. The row is claimed (state {@code queued} →
 * {@code sent}) before it is handed over, so a seed relayed twice is sent once.
 */
@ApplicationScoped
public class MmsOutboundConsumer {

    private static final Logger LOG = Logger.getLogger(MmsOutboundConsumer.class);

    private final SeedSendOutbox seeds;
    private final ObjectMapper json;
    private final MmsSender mms;
    private final CampaignRegistry campaigns;
    private final DatabaseWait database;
    private final MeterRegistry metrics;

    public MmsOutboundConsumer(SeedSendOutbox seeds, ObjectMapper json, MmsSender mms, CampaignRegistry campaigns,
            DatabaseWait database, MeterRegistry metrics) {
        this.database = database;
        this.metrics = metrics;
        this.seeds = seeds;
        this.json = json;
        this.mms = mms;
        this.campaigns = campaigns;
    }

    @Incoming("mms-outbound-in")
    @Blocking(value = "outbound", ordered = false)
    public void mms(String value) {
        MmsOutbound m = OutboundRows.read(json, value, MmsOutbound.class);
        if (m == null) {
            return;
        }
        var campaign = campaigns.find(m.campaignId());
        if (campaign.isEmpty()) {
            LOG.warnf("mms=unknown-campaign id=%d campaign=%s", m.id(), m.campaignId());
            return;
        }
        try {
            if (database.until("seed claim", () -> seeds.claim(m.id()))) {
                mms.send(m, campaign.get(), campaigns.seedToSend(campaign.get().id()));
            }
        } catch (RuntimeException e) {
            if (database.stopping()) {
                throw e;
            }
            metrics.counter("baton.seeds.errors").increment();
            LOG.errorf(e, "mms=error id=%d", m.id());
        }
    }
}
