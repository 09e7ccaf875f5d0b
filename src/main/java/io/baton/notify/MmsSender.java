package io.baton.notify;

import io.baton.campaign.domain.Campaign;
import io.baton.notify.messaging.MmsOutbound;

/** Hands a seed MMS to the network. The MM7 connector replaces the logging one when configured. */
public interface MmsSender {
    void send(MmsOutbound mms, Campaign campaign);
}
