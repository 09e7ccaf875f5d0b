package io.baton.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.baton.campaign.CampaignRegistry;
import io.baton.campaign.domain.Campaign;
import io.baton.retention.store.RetentionStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * Purges, every {@code baton.retention.interval}: delivery reports that belong to no campaign once
 * {@code uncorrelated} has passed since they came, and the data of each campaign that ended and
 * received nothing for {@code campaign-data}. Every replica runs it; the deletes are idempotent.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final RetentionStore store;
    private final CampaignRegistry campaigns;
    private final RetentionConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    public RetentionJob(RetentionStore store, CampaignRegistry campaigns, RetentionConfig config, Clock clock,
            MeterRegistry metrics) {
        this.store = store;
        this.campaigns = campaigns;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Scheduled(every = "${baton.retention.interval:1h}", delayed = "${baton.retention.interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            purge(clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("retention=failed reason=%s; next run in %s", e.getMessage(), config.interval());
        }
    }

    /** One run as if it were {@code now}; what it deleted, by table ("delivery (uncorrelated)" for reports). */
    public Map<String, Long> purge(Instant now) {
        Map<String, Long> deleted = new java.util.LinkedHashMap<>();
        if (!config.uncorrelated().isZero()) {
            long n = store.purgeUncorrelated(now.minus(config.uncorrelated()), config.batch());
            deleted.put("delivery (uncorrelated)", n);
            count("uncorrelated-delivery", n);
            if (n > 0) {
                LOG.infof("retention=purged what=uncorrelated-deliveries rows=%d older_than=%s", n, config.uncorrelated());
            }
        }
        if (!config.campaignData().isZero()) {
            Instant before = now.minus(config.campaignData());
            for (CampaignRegistry.Live live : campaigns.all()) {
                Campaign c = live.campaign();
                Optional<Instant> last = store.lastActivity(c.id());
                if (c.ends().toInstant().isBefore(before) && last.isPresent() && last.get().isBefore(before)) {
                    Map<String, Long> rows = store.purgeCampaign(c.id(), config.batch());
                    rows.forEach((table, n) -> deleted.merge(table, n, Long::sum));
                    count("campaign-data", rows.values().stream().mapToLong(Long::longValue).sum());
                    LOG.infof("retention=purged what=campaign-data campaign=%s ended=%s last_activity=%s rows=%s", c.id(),
                            c.ends(), last.get(), rows);
                }
            }
        }
        return deleted;
    }

    private void count(String what, long rows) {
        metrics.counter("baton.retention.purged.rows", "what", what).increment(rows);
    }
}
