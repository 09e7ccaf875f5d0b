package io.baton.leaderboard.api;

import java.time.Duration;
import java.util.List;
import java.util.ArrayList;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;


import io.baton.campaign.CampaignRegistry;
import io.baton.campaign.api.CampaignResource;
import io.baton.campaign.domain.Campaign;
import io.baton.http.Params;
import io.baton.http.ProblemException;
import io.baton.http.ProblemType;
import io.baton.leaderboard.LeaderboardService;
import io.baton.leaderboard.LeaderboardService.By;
import io.baton.leaderboard.LeaderboardService.Entry;
import io.baton.prize.RecentWins;
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
    private final RecentWins recentWins;

    public LeaderboardResource(LeaderboardService boards, CampaignRegistry campaigns, RecentWins recentWins) {
        this.boards = boards;
        this.campaigns = campaigns;
        this.recentWins = recentWins;
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

    /**
     * The board as unnamed events (the data is what {@code GET .../leaderboard} answers), pushed
     * when it changes; and, for a campaign with prizes, each new public win as an event named
     * {@code win} (the newest few first, when the stream opens): {@code {"id", "tier", "prize",
     * "kind", "msisdn" (masked), "region", "at"}}. A plain EventSource's onmessage sees only the board.
     */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@PathParam("id") String id, @QueryParam("by") String by,
            @QueryParam("limit") Integer limit, @Context Sse sse) {
        Campaign campaign = campaigns.find(id).orElseThrow(() -> CampaignResource.unknown(id));
        By board = by(by);
        int n = Params.limit(limit, 10, 1000);
        return Multi.createFrom().deferred(() -> {
            Watch watch = new Watch(campaign, board, n, sse);
            return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(POLL)
                    .emitOn(Infrastructure.getDefaultWorkerPool())
                    .onItem().transformToIterable(tick -> watch.next());
        });
    }

    /** One viewer's stream: what it was last sent. */
    private final class Watch {
        private final Campaign campaign;
        private final By board;
        private final int n;
        private final Sse sse;
        private List<Entry> last;
        private long lastWin;

        Watch(Campaign campaign, By board, int n, Sse sse) {
            this.campaign = campaign;
            this.board = board;
            this.n = n;
            this.sse = sse;
        }

        List<OutboundSseEvent> next() {
            List<OutboundSseEvent> out = new ArrayList<>();
            List<Entry> top = boards.top(campaign.id(), board, n);
            if (top != null && !top.equals(last)) {
                last = top;
                out.add(sse.newEventBuilder().mediaType(MediaType.APPLICATION_JSON_TYPE).data(top).build());
            }
            List<RecentWins.WinEvent> wins = recentWins.newest(campaign);
            for (int i = wins.size() - 1; i >= 0; i--) { // oldest first
                RecentWins.WinEvent w = wins.get(i);
                if (w.id() > lastWin) {
                    lastWin = w.id();
                    out.add(sse.newEventBuilder().name("win").id(Long.toString(w.id()))
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(w).build());
                }
            }
            return out;
        }
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
