package io.baton.audit.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.baton.audit.store.AuditLog;
import io.baton.http.ProblemException;
import io.baton.http.ProblemType;

/** {@code GET /api/v1/admin/audit?campaign=&limit=} (admin): every admin action on a campaign, newest first. */
@Path("/api/v1/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AuditResource {

    private final AuditLog log;

    public AuditResource(AuditLog log) {
        this.log = log;
    }

    @GET
    public List<AuditLog.Entry> of(@QueryParam("campaign") String campaign,
            @QueryParam("limit") @DefaultValue("500") int limit) {
        if (campaign == null || campaign.isBlank()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "campaign is required (?campaign=<id>)");
        }
        if (limit < 1 || limit > 10_000) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "limit must be between 1 and 10000");
        }
        return log.of(campaign, limit);
    }
}
