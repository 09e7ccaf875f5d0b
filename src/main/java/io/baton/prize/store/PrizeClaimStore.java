package io.baton.prize.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.db.Transactions;

/** Claims on {@code prize_win}: a win of the claimant's own number, by its code, once, before its deadline. */
@ApplicationScoped
public class PrizeClaimStore {

    /** The win a code names for a number, as it stands (after a claim, claimed). */
    public record Claimable(String serial, String tierId, String state, OffsetDateTime claimBy,
            OffsetDateTime claimedAt, boolean claimedNow) {
    }

    private final Transactions tx;

    public PrizeClaimStore(Transactions tx) {
        this.tx = tx;
    }

    /** Claims the confirmed, unexpired win; answers the win as it stands, or nothing for an unknown code. */
    public Optional<Claimable> claim(String campaignId, String msisdn, String code, OffsetDateTime at) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE prize_win SET state = 'claimed', claimed_at = ?
                    WHERE campaign_id = ? AND msisdn = ? AND claim_code = ? AND state = 'confirmed' AND claim_by > ?
                    RETURNING serial, tier_id, state, claim_by, claimed_at""")) {
                ps.setObject(1, at);
                ps.setString(2, campaignId);
                ps.setString(3, msisdn);
                ps.setString(4, code);
                ps.setObject(5, at);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(read(rs, true));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT serial, tier_id, state, claim_by, claimed_at FROM prize_win
                    WHERE campaign_id = ? AND msisdn = ? AND claim_code = ? ORDER BY id LIMIT 1""")) {
                ps.setString(1, campaignId);
                ps.setString(2, msisdn);
                ps.setString(3, code);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs, false)) : Optional.<Claimable>empty();
                }
            }
        });
    }

    private static Claimable read(ResultSet rs, boolean now) throws java.sql.SQLException {
        return new Claimable(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class),
                rs.getObject(5, OffsetDateTime.class), now);
    }
}
