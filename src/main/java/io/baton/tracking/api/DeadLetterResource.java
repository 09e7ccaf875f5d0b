package io.baton.tracking.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.baton.http.Params;
import io.baton.tracking.store.DeadLetterStore;

/**
 * {@code GET /api/v1/admin/dead-letters?limit=&before=}: the events the tracking consumer set
 * aside (newest first), each with the record as it was on Kafka and the error that stopped it.
 */
@Path("/api/v1/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    /** {@code total}: all dead letters; {@code deadLetters}: this page. */
    public record DeadLetters(long total, List<DeadLetterStore.DeadLetter> deadLetters) {
    }

    private final DeadLetterStore store;

    public DeadLetterResource(DeadLetterStore store) {
        this.store = store;
    }

    @GET
    @RolesAllowed({ "admin", "viewer" })
    public DeadLetters list(@QueryParam("limit") Integer limit, @QueryParam("before") Long before) {
        return new DeadLetters(store.count(), store.list(before, Params.limit(limit, 100, 1000)));
    }
}
