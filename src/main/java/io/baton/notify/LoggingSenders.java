package io.baton.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import org.jboss.logging.Logger;

import io.baton.common.Msisdn;
import io.baton.notify.mm7.Mm7Config;
import io.baton.notify.mm7.Mm7Sender;

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
    SmsSender smsSender() {
        return sms -> LOG.infof("sms=sent id=%d to=%s from=%s chars=%d", sms.id(), Msisdn.mask(sms.to()), sms.from(),
                sms.text().length());
    }

    /** The MM7 sender when {@code baton.mm7.url} is set, else one that logs. */
    @Produces
    @ApplicationScoped
    MmsSender mmsSender(Mm7Config mm7, Instance<Mm7Sender> mm7Sender) {
        if (mm7.url().isPresent()) {
            LOG.infof("mms=sender-mm7 url=%s", mm7.url().get());
            return mm7Sender.get()::send;
        }
        return (mms, campaign, parts) -> LOG.infof("mms=seed-sent id=%d campaign=%s to=%s parts=%d bytes=%d", mms.id(),
                campaign.id(), Msisdn.mask(mms.to()), parts.size(),
                parts.stream().mapToInt(p -> p.data().length).sum());
    }
}
