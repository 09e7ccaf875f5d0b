package io.baton.prize.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import io.baton.common.Msisdn;
import io.baton.http.ProblemException;
import io.baton.http.ProblemType;
import io.baton.prize.PrizeReviews;
import io.baton.prize.store.AbuseStore;
import io.baton.prize.store.ReviewStore;

/**
 * The review queue (ARCHITECTURE 3.6), admin only: {@code GET /api/v1/admin/reviews?campaign=}
 * lists flagged wins with the rule and reason, {@code POST /api/v1/admin/reviews/{id}} approves
 * or rejects one; {@code GET /api/v1/admin/abuse?campaign=} lists every anti-abuse decision.
 * Numbers are masked: the operator judges by the pattern, the audit log says who decided.
 */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class ReviewResource {

    private static final Set<String> STATES = Set.of("pending", "approved", "rejected");

    public record DecisionRequest(String decision, String reason) {
    }

    public record ReviewView(long id, String campaign, long winId, String serial, String msisdn, String tier,
            String kind, String rule, String reason, String state, OffsetDateTime flaggedAt, OffsetDateTime holdUntil,
            String decidedBy, String decisionReason, OffsetDateTime decidedAt, String winState) {

        static ReviewView of(ReviewStore.Review r) {
            return new ReviewView(r.id(), r.campaign(), r.winId(), r.serial(), Msisdn.mask(r.msisdn()), r.tier(),
                    r.kind(), r.rule(), r.reason(), r.state(), r.flaggedAt(), r.holdUntil(), r.decidedBy(),
                    r.decisionReason(), r.decidedAt(), r.winState());
        }
    }

    public record DecisionView(long id, String msisdn, String serial, String rule, String action, String reason,
            OffsetDateTime at) {
    }

    private final PrizeReviews reviews;
    private final AbuseStore abuse;

    public ReviewResource(PrizeReviews reviews, AbuseStore abuse) {
        this.reviews = reviews;
        this.abuse = abuse;
    }

    @GET
    @Path("reviews")
    public List<ReviewView> reviews(@QueryParam("campaign") String campaign, @QueryParam("state") String state,
            @QueryParam("limit") @DefaultValue("500") int limit) {
        requireCampaign(campaign, limit);
        if (state != null && !STATES.contains(state)) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "state must be one of " + STATES);
        }
        return reviews.list(campaign, state, limit).stream().map(ReviewView::of).toList();
    }

    @POST
    @Path("reviews/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReviewView decide(@PathParam("id") long id, DecisionRequest body, @Context SecurityContext who) {
        if (body == null) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "the body must be {\"decision\": \"approve\"|\"reject\", \"reason\": \"...\"}");
        }
        return ReviewView.of(reviews.decide(id, body.decision(), body.reason(), who.getUserPrincipal().getName()));
    }

    @GET
    @Path("abuse")
    public List<DecisionView> decisions(@QueryParam("campaign") String campaign,
            @QueryParam("limit") @DefaultValue("500") int limit) {
        requireCampaign(campaign, limit);
        return abuse.decisions(campaign, limit).stream().map(d -> new DecisionView(d.id(), Msisdn.mask(d.msisdn()),
                d.serial(), d.rule(), d.action(), d.reason(), d.at())).toList();
    }

    private static void requireCampaign(String campaign, int limit) {
        if (campaign == null || campaign.isBlank()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "campaign is required (?campaign=<id>)");
        }
        if (limit < 1 || limit > 10_000) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "limit must be between 1 and 10000");
        }
    }
}
