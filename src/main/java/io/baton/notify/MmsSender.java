package io.baton.notify;

import java.util.List;

import io.baton.campaign.domain.Campaign;
import io.baton.notify.messaging.MmsOutbound;
import io.baton.recognition.domain.tag.SeedTagging;

/** Hands a seed MMS to the network. The MM7 connector replaces the logging one when configured. */
public interface MmsSender {
    /** @param parts the seed as Baton sends it, tagged in every layer (SMIL first) */
    void send(MmsOutbound mms, Campaign campaign, List<SeedTagging.TaggedPart> parts);
}
