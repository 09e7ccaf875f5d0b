package io.baton.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.jboss.logging.Logger;

import io.baton.common.Msisdn;

/**
 * Senders that only log (masked), used while no SMSC ({@code baton.smpp.host}) or MMSC
 * ({@code baton.mm7.url}) is configured: the demo and the tests see every notice in
 * {@code GET /api/v1/admin/sms} without a network.
 */
@ApplicationScoped
public class LoggingSenders {

    private static final Logger LOG = Logger.getLogger("io.baton.notify.sent");

    @Produces
    @ApplicationScoped
    MmsSender mmsSender() {
        return (mms, campaign, parts) -> LOG.infof("mms=seed-sent id=%d campaign=%s to=%s parts=%d bytes=%d", mms.id(),
                campaign.id(), Msisdn.mask(mms.to()), parts.size(),
                parts.stream().mapToInt(p -> p.data().length).sum());
    }
}
