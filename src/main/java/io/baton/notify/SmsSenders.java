package io.baton.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import org.jboss.logging.Logger;

import io.baton.common.Msisdn;
import io.baton.notify.smpp.SmppConfig;
import io.baton.notify.smpp.SmppSmsSender;

/**
 * Picks the SMS sender at start: SMPP to the SMSC when {@code baton.smpp.host} is set, otherwise
 * one that only logs (masked), so that the demo and the tests see every notice in
 * {@code GET /api/v1/admin/sms} without a network.
 */
@ApplicationScoped
public class SmsSenders {

    private static final Logger LOG = Logger.getLogger("io.baton.notify.sent");

    @Produces
    @ApplicationScoped
    SmsSender smsSender(SmppConfig config, Instance<SmppSmsSender> smpp) {
        if (config.host().isPresent()) {
            LOG.infof("sms=sender kind=smpp host=%s port=%d sessions=%d", config.host().get(), config.port(),
                    config.sessions());
            return smpp.get();
        }
        LOG.info("sms=sender kind=logging reason=baton.smpp.host-unset");
        return sms -> {
            LOG.infof("sms=sent id=%d to=%s from=%s chars=%d", sms.id(), Msisdn.mask(sms.to()), sms.from(),
                    sms.text().length());
            return new SmsSendResult.Accepted(1);
        };
    }
}
