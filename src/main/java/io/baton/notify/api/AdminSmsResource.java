package io.baton.notify.api;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.baton.db.Transactions;
import io.baton.http.Params;

/** {@code GET /api/v1/admin/sms?to=}: the SMS notices sent to a number, newest first. */
@Path("/api/v1/admin/sms")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSmsResource {

    public record SmsView(long id, String to, String from, String kind, String text, String state, String serial,
            OffsetDateTime createdAt, OffsetDateTime sentAt) {
    }

    private final Transactions tx;

    public AdminSmsResource(Transactions tx) {
        this.tx = tx;
    }

    @GET
    @RolesAllowed({ "admin", "viewer" })
    public List<SmsView> sent(@QueryParam("to") String to, @QueryParam("limit") Integer limit) {
        String digits = Params.msisdn("to", to);
        int n = Params.limit(limit, 100, 1000);
        return tx.read(c -> {
            List<SmsView> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, to_msisdn, from_address, kind, text, state, serial, created_at, sent_at
                    FROM sms_outbox WHERE to_msisdn = ? ORDER BY id DESC LIMIT ?""")) {
                ps.setString(1, digits);
                ps.setInt(2, n);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SmsView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class)));
                    }
                }
            }
            return out;
        });
    }
}
