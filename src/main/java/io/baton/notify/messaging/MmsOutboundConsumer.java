package io.baton.notify.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.campaign.CampaignRegistry;
import io.baton.notify.MmsSender;
import io.baton.notify.store.SeedSendOutbox;
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

    public MmsOutboundConsumer(SeedSendOutbox seeds, ObjectMapper json, MmsSender mms, CampaignRegistry campaigns) {
        this.seeds = seeds;
        this.json = json;
        this.mms = mms;
        this.campaigns = campaigns;
    }

    @Incoming("mms-outbound-in")
    @Blocking(ordered = false)
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
        if (seeds.claim(m.id())) {
            mms.send(m, campaign.get(), campaigns.seedToSend(campaign.get().id()));
        }
    }
}
