package io.baton.seeding;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.baton.campaign.CampaignRegistry;
import io.baton.campaign.domain.Campaign;
import io.baton.common.Msisdn;
import io.baton.notify.MobileOriginated;
import io.baton.notify.SeedSendRelay;
import io.baton.notify.SmsOutboxRelay;
import io.baton.notify.store.SeedSendOutbox;
import io.baton.notify.store.SmsOutboxRepository;
import io.baton.prize.PrizeClaims;

/**
 * Mobile-originated SMS to a campaign's short code: the request keyword sends the seed (at most
 * once per subscriber per campaign day, by a unique key), anything else a help notice.
 */
@ApplicationScoped
public class MoKeywordService implements MobileOriginated {

    private static final Logger LOG = Logger.getLogger(MoKeywordService.class);
    static final String GENERIC_HELP = "This number runs MMS campaigns. Text the campaign keyword to take part.";

    /** What an MO message led to. */
    public enum Outcome {
        SEED_QUEUED, SEED_ALREADY_SENT_TODAY, CAMPAIGN_NOT_RUNNING, HELP_SENT,
        /** The campaign's claim keyword with a code: answered by {@link PrizeClaims}. */
        PRIZE_CLAIM
    }

    private final CampaignRegistry campaigns;
    private final SeedSendOutbox seedOutbox;
    private final SmsOutboxRepository smsOutbox;
    private final SeedSendRelay seeds;
    private final SmsOutboxRelay sms;
    private final PrizeClaims claims;

    public MoKeywordService(CampaignRegistry campaigns, SeedSendOutbox seedOutbox, SmsOutboxRepository smsOutbox,
            SeedSendRelay seeds, SmsOutboxRelay sms, PrizeClaims claims) {
        this.claims = claims;
        this.campaigns = campaigns;
        this.seedOutbox = seedOutbox;
        this.smsOutbox = smsOutbox;
        this.seeds = seeds;
        this.sms = sms;
    }

    @Override
    public String handle(Msisdn from, String to, String text, OffsetDateTime at) {
        return receive(from, to, text, at).name().toLowerCase(Locale.ROOT);
    }

    public Outcome receive(Msisdn from, String to, String text, OffsetDateTime at) {
        for (CampaignRegistry.Live l : campaigns.all()) {
            Campaign c = l.campaign();
            if (to != null && !c.shortCode().equals(to)) {
                continue;
            }
            Optional<String> code = PrizeClaims.claimCode(c, text);
            if (code.isPresent()) {
                notice(from, c.shortCode(), claims.claim(c, from, code.get(), at).text(), c, "claim");
                return Outcome.PRIZE_CLAIM;
            }
        }
        Optional<Campaign> keyword = campaigns.all().stream().map(CampaignRegistry.Live::campaign)
                .filter(c -> to == null || c.shortCode().equals(to))
                .filter(c -> c.isRequestKeyword(text))
                .findFirst();
        if (keyword.isEmpty()) {
            Optional<Campaign> byCode = campaigns.all().stream().map(CampaignRegistry.Live::campaign)
                    .filter(c -> c.shortCode().equals(to)).findFirst();
            notice(from, to, byCode.map(c -> c.notices().help()).orElse(GENERIC_HELP), byCode.orElse(null));
            LOG.infof("mo=help from=%s to=%s", from, to);
            return Outcome.HELP_SENT;
        }
        Campaign c = keyword.get();
        if (!c.runsAt(at)) {
            notice(from, c.shortCode(), "The campaign " + c.name() + " is not running now.", c);
            LOG.infof("mo=not-running from=%s campaign=%s", from, c.id());
            return Outcome.CAMPAIGN_NOT_RUNNING;
        }
        LocalDate day = at.atZoneSameInstant(c.timezone()).toLocalDate();
        boolean queued = seedOutbox.queueRequested(c.id(), from.digits(), day);
        LOG.infof("mo=keyword from=%s campaign=%s queued=%s", from, c.id(), queued);
        if (queued) {
            seeds.trigger();
            return Outcome.SEED_QUEUED;
        }
        return Outcome.SEED_ALREADY_SENT_TODAY;
    }

    private void notice(Msisdn to, String from, String text, Campaign campaign) {
        notice(to, from, text, campaign, "help");
    }

    private void notice(Msisdn to, String from, String text, Campaign campaign, String kind) {
        smsOutbox.enqueue(new SmsOutboxRepository.Notice(campaign == null ? null : campaign.id(), to.digits(),
                from == null ? "" : from, text, kind, null));
        sms.trigger();
    }
}
