package io.baton.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import org.jboss.logging.Logger;

import io.baton.common.Msisdn;
import io.baton.notify.mm7.Mm7Config;
import io.baton.notify.mm7.Mm7Sender;

/**
 * Picks the MMS sender at start: MM7 to the MMSC when {@code baton.mm7.url} is set, otherwise one
 * that only logs (masked), so that the demo and the tests run without a network.
 */
@ApplicationScoped
public class MmsSenders {

    private static final Logger LOG = Logger.getLogger("io.baton.notify.sent");

    @Produces
    @ApplicationScoped
    MmsSender mmsSender(Mm7Config mm7, Instance<Mm7Sender> mm7Sender) {
        if (mm7.url().isPresent()) {
            LOG.infof("mms=sender kind=mm7 url=%s", mm7.url().get());
            return mm7Sender.get()::send;
        }
        LOG.info("mms=sender kind=logging reason=baton.mm7.url-unset");
        return (mms, campaign, parts) -> LOG.infof("mms=seed-sent id=%d campaign=%s to=%s parts=%d bytes=%d", mms.id(),
                campaign.id(), Msisdn.mask(mms.to()), parts.size(),
                parts.stream().mapToInt(p -> p.data().length).sum());
    }
}
