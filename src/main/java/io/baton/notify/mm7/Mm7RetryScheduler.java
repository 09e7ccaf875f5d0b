package io.baton.notify.mm7;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.baton.campaign.CampaignRegistry;
import io.baton.notify.mm7.store.SeedSendMm7Repository;
import io.quarkus.scheduler.Scheduled;

/**
 * Gives seeds whose SubmitReq failed transiently their next attempt once their backoff is over, and,
 * with {@code baton.mm7.resend-unsettled}, resends seeds whose attempt's outcome was lost.
 */
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
        seeds.claimDue(100).forEach(this::attempt);
        if (config.resendUnsettled()) {
            for (SeedSendMm7Repository.DueRetry lost : seeds.claimUnsettled(config.unsettledGrace(), 100)) {
                // same TransactionID as the lost attempt: an MMSC that got it answers without a second delivery
                LOG.infof("mm7=resend-unsettled id=%d attempt=%d transaction-id=%s", lost.seed().id(),
                        lost.attemptsMade() + 1, Mm7Sender.transactionId(lost.seed().id()));
                attempt(lost);
            }
        }
    }

    private void attempt(SeedSendMm7Repository.DueRetry due) {
        var campaign = campaigns.find(due.seed().campaignId());
        if (campaign.isEmpty()) {
            seeds.failed(due.seed().id(), due.attemptsMade(), "campaign " + due.seed().campaignId() + " is gone");
            LOG.warnf("mm7=retry-dropped id=%d campaign=%s reason=unknown-campaign", due.seed().id(),
                    due.seed().campaignId());
            return;
        }
        sender.attempt(due.seed(), campaign.get(), campaigns.seedToSend(campaign.get().id()), due.attemptsMade());
    }
}
