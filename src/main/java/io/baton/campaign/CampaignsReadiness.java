package io.baton.campaign;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness detail of the campaigns: how many are live, and each file of {@code campaigns/} that
 * was not loaded because its seed conflicts with another campaign's (with the reason). A refused
 * file does not take the instance out of service: the other campaigns run on.
 */
@Readiness
@ApplicationScoped
public class CampaignsReadiness implements HealthCheck {

    private final CampaignRegistry registry;

    public CampaignsReadiness(CampaignRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("campaigns").up()
                .withData("live", registry.all().size());
        registry.refusedFiles().forEach((file, reason) -> b.withData("refused " + file, reason));
        return b.build();
    }
}
