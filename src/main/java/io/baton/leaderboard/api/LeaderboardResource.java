package io.baton.leaderboard.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestStreamElementType;

import io.baton.campaign.CampaignRegistry;
import io.baton.campaign.api.CampaignResource;
import io.baton.http.Params;
import io.baton.http.ProblemException;
import io.baton.http.ProblemType;
import io.baton.leaderboard.LeaderboardService;
import io.baton.leaderboard.LeaderboardService.By;
import io.baton.leaderboard.LeaderboardService.Entry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Leaderboards of a campaign, as JSON or as a Server-Sent Events stream pushed on change. */
@Path("/api/v1/campaigns/{id}/leaderboard")
@Produces(MediaType.APPLICATION_JSON)
public class LeaderboardResource {

    /** How often the stream looks for a change: well inside the promised one second. */
    static final Duration POLL = Duration.ofMillis(250);

    private final LeaderboardService boards;
    private final CampaignRegistry campaigns;

    public LeaderboardResource(LeaderboardService boards, CampaignRegistry campaigns) {
        this.boards = boards;
        this.campaigns = campaigns;
    }

    @GET
    @Blocking
    public List<Entry> top(@PathParam("id") String id, @QueryParam("by") String by, @QueryParam("limit") Integer limit) {
        String campaign = known(id);
        try {
            return boards.top(campaign, by(by), Params.limit(limit, 10, 1000));
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProblemException(ProblemType.UNAVAILABLE,
                    "leaderboards are unavailable while Redis is away; the stats are not: /api/v1/campaigns/" + id
                            + "/stats");
        }
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<List<Entry>> stream(@PathParam("id") String id, @QueryParam("by") String by,
            @QueryParam("limit") Integer limit) {
        String campaign = known(id);
        By board = by(by);
        int n = Params.limit(limit, 10, 1000);
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(POLL)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(tick -> boards.top(campaign, board, n))
                .skip().repetitions()
                .filter(Objects::nonNull);
    }

    @POST
    @Path("rebuild")
    @RolesAllowed("admin")
    @Blocking
    public List<Entry> rebuild(@PathParam("id") String id) {
        boards.rebuild(known(id));
        return boards.top(id, By.CITY, 100);
    }

    private String known(String id) {
        if (campaigns.find(id).isEmpty()) {
            throw CampaignResource.unknown(id);
        }
        return id;
    }

    private static By by(String by) {
        try {
            return By.parse(by);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "by must be city or sender");
        }
    }
}
