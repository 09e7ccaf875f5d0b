package io.baton.notify.mm7;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.baton.campaign.CampaignRegistry;
import io.baton.notify.mm7.store.SeedSendMm7Repository;
import io.quarkus.scheduler.Scheduled;

/** Gives seeds whose SubmitReq failed transiently their next attempt once their backoff is over. */
@ApplicationScoped
public class Mm7RetryScheduler {

    private static final Logger LOG = Logger.getLogger("io.baton.notify.mm7");

    private final Mm7Config config;
    private final SeedSendMm7Repository seeds;
    private final Mm7Sender sender;
    private final CampaignRegistry campaigns;

    public Mm7RetryScheduler(Mm7Config config, SeedSendMm7Repository seeds, Mm7Sender sender,
            CampaignRegistry campaigns) {
        this.config = config;
        this.seeds = seeds;
        this.sender = sender;
        this.campaigns = campaigns;
    }

    @Scheduled(every = "${baton.mm7.retry-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void retryDue() {
        if (config.url().isEmpty()) {
            return;
        }
        for (SeedSendMm7Repository.DueRetry due : seeds.claimDue(100)) {
            var campaign = campaigns.find(due.seed().campaignId());
            if (campaign.isEmpty()) {
                seeds.failed(due.seed().id(), due.attemptsMade(), "campaign " + due.seed().campaignId() + " is gone");
                LOG.warnf("mm7=retry-dropped id=%d campaign=%s reason=unknown-campaign", due.seed().id(),
                        due.seed().campaignId());
                continue;
            }
            sender.attempt(due.seed(), campaign.get(), campaigns.seedToSend(campaign.get().id()), due.attemptsMade());
        }
    }
}
