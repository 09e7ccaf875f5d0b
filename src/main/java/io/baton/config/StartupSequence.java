package io.baton.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.baton.campaign.CampaignRegistry;
import io.baton.campaign.store.CampaignChanges;
import io.baton.leaderboard.LeaderboardService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * What happens once at start, after Flyway has migrated: load campaigns, rebuild leaderboards
 * from PostgreSQL, and tell the operator where things are.
 */
@ApplicationScoped
public class StartupSequence {

    private static final Logger LOG = Logger.getLogger("io.baton");

    void stop(@Observes ShutdownEvent ev, CampaignChanges changes) {
        changes.stop();
    }

    void start(@Observes StartupEvent ev, CampaignRegistry campaigns, CampaignChanges changes, LeaderboardService boards,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port,
            @ConfigProperty(name = "quarkus.profile", defaultValue = "prod") String profile) {
        campaigns.load();
        changes.start(campaigns::reloadStored); // a PUT on another replica is live here within a second
        boards.rebuildAll(); // Redis away: the boards are rebuilt when it answers

        LOG.infof("baton=ready campaigns=%d api=http://localhost:%d/api/v1/campaigns", campaigns.all().size(), port);
        if ("demo".equals(profile)) {
            LOG.infof("""

                    ================ Baton demo ================
                      Campaigns   http://localhost:%1$d/api/v1/campaigns
                      Leaderboard http://localhost:%1$d/api/v1/campaigns/olympic-torch-2008/leaderboard
                      Stats       http://localhost:%1$d/api/v1/campaigns/olympic-torch-2008/stats
                      Health      http://localhost:%1$d/q/health/ready
                      Metrics     http://localhost:%1$d/q/metrics
                      OpenAPI     http://localhost:%1$d/q/openapi
                      Admin       admin / baton-demo  (HTTP basic)
                      MMSC client demo, bearer token demo-mmsc-token
                    ============================================""", port);
        }
    }
}
