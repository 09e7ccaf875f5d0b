package io.baton.campaign.api;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import io.baton.campaign.CampaignRegistry;
import io.baton.campaign.domain.Campaign;

/** A campaign as the read API shows it: the parsed document and its status, seed content summarised. */
public record CampaignView(String id, String name, String status, int version, String timezone,
        OffsetDateTime starts, OffsetDateTime ends, String shortCode, SeedView seed, List<Campaign.Region> regions,
        CreditingView crediting, String serialPrefix, Campaign.Notices notices,
        Campaign.RecognitionRules recognition) {

    public record SeedView(String subject, List<PartView> parts, List<String> requestKeywords, String tag) {
    }

    public record PartView(String contentType, int bytes) {
    }

    public record CreditingView(String onStatus, int maxCreditsPerPair, int maxCreditsPerSenderPerDay,
            String resendWindow) {
    }

    public static CampaignView of(CampaignRegistry.Live live, Clock clock) {
        Campaign c = live.campaign();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String status = now.isBefore(c.starts()) ? "scheduled" : c.runsAt(now) ? "running" : "ended";
        Campaign.CreditingRules r = c.crediting();
        return new CampaignView(c.id(), c.name(), status, live.version(), c.timezone().getId(), c.starts(), c.ends(),
                c.shortCode(),
                new SeedView(c.seed().subject(),
                        c.seed().parts().stream().map(p -> new PartView(p.contentType(), p.data().length)).toList(),
                        c.seed().requestKeywords(), c.seed().tag().orElse(null)),
                c.regions(),
                new CreditingView(r.onStatus(), r.maxCreditsPerPair(), r.maxCreditsPerSenderPerDay(),
                        r.resendWindow().toString()),
                c.serialPrefix(), c.notices(), c.recognition());
    }
}
