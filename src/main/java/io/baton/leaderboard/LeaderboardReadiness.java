package io.baton.leaderboard;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Redis in the readiness details, never as a reason to leave service: it holds only leaderboards
 * derived from PostgreSQL, and they are rebuilt when it returns. (Quarkus's own Redis readiness
 * check is off: {@code quarkus.redis.health.enabled=false}.)
 */
@Readiness
@ApplicationScoped
public class LeaderboardReadiness implements HealthCheck {

    private final LeaderboardService boards;

    public LeaderboardReadiness(LeaderboardService boards) {
        this.boards = boards;
    }

    @Override
    public HealthCheckResponse call() {
        boolean up = boards.reachable();
        return HealthCheckResponse.named("leaderboards").up()
                .withData("redis", up ? "up" : "unreachable: leaderboards are rebuilt from PostgreSQL when it returns")
                .withData("stale", boards.stale())
                .build();
    }
}
