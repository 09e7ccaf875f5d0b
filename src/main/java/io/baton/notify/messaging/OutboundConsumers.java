package io.baton.notify.messaging;

import java.sql.PreparedStatement;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.campaign.CampaignRegistry;
import io.baton.db.Transactions;
import io.baton.notify.MmsSender;
import io.baton.notify.SmsSender;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Sends what arrives on {@code sms-outbound} and {@code mms-outbound}. The row is claimed
 * (state {@code queued} → {@code sent}) before it is handed over, so a message relayed twice is
 * sent once.
 */
@ApplicationScoped
public class OutboundConsumers {

    private static final Logger LOG = Logger.getLogger(OutboundConsumers.class);

    private final Transactions tx;
    private final ObjectMapper json;
    private final SmsSender sms;
    private final MmsSender mms;
    private final CampaignRegistry campaigns;

    public OutboundConsumers(Transactions tx, ObjectMapper json, SmsSender sms, MmsSender mms,
            CampaignRegistry campaigns) {
        this.tx = tx;
        this.json = json;
        this.sms = sms;
        this.mms = mms;
        this.campaigns = campaigns;
    }

    @Incoming("sms-outbound-in")
    @Blocking(ordered = false)
    public void sms(String value) {
        SmsOutbound m = read(value, SmsOutbound.class);
        if (m == null) {
            return;
        }
        if (claim("sms_outbox", m.id())) {
            sms.send(m);
        }
    }

    @Incoming("mms-outbound-in")
    @Blocking(ordered = false)
    public void mms(String value) {
        MmsOutbound m = read(value, MmsOutbound.class);
        if (m == null) {
            return;
        }
        var campaign = campaigns.find(m.campaignId());
        if (campaign.isEmpty()) {
            LOG.warnf("mms=unknown-campaign id=%d campaign=%s", m.id(), m.campaignId());
            return;
        }
        if (claim("seed_send", m.id())) {
            mms.send(m, campaign.get(), campaigns.seedToSend(campaign.get().id()));
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (Exception e) {
            LOG.warnf("outbound=unreadable type=%s reason=%s", type.getSimpleName(), e.getMessage());
            return null;
        }
    }

    private boolean claim(String table, long id) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE " + table + " SET state = 'sent', sent_at = now() WHERE id = ? AND state = 'queued'")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }
}
