package io.baton.notify.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.baton.http.Params;
import io.baton.notify.store.SmsOutboxRepository;

/** {@code GET /api/v1/admin/sms?to=}: the SMS notices sent to a number, newest first. */
@Path("/api/v1/admin/sms")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSmsResource {

    private final SmsOutboxRepository outbox;

    public AdminSmsResource(SmsOutboxRepository outbox) {
        this.outbox = outbox;
    }

    @GET
    @RolesAllowed({ "admin", "viewer" })
    public List<SmsOutboxRepository.SmsView> sent(@QueryParam("to") String to, @QueryParam("limit") Integer limit) {
        return outbox.sentTo(Params.msisdn("to", to), Params.limit(limit, 100, 1000));
    }
}
