package io.baton.crediting.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.campaign.domain.Campaign;
import io.baton.crediting.domain.CreditCandidate;
import io.baton.crediting.domain.CreditDecision;
import io.baton.crediting.domain.CreditHistory;
import io.baton.crediting.domain.CreditPolicy;
import io.baton.serial.domain.SerialNumber;
import io.baton.crediting.domain.CreditedForward;

/**
 * Decides and records one credit candidate inside the caller's transaction: the forward, its
 * serial and its SMS notice together, or the reason it earned nothing. Unique keys on
 * (message, recipient) make a second decision for the same candidate a no-op.
 */
@ApplicationScoped
public class CreditLedger {

    /**
     * @return the credited forward, or empty when rejected or already decided
     */
    public Optional<CreditedForward> decide(Connection c, Campaign campaign, CreditCandidate cand) throws SQLException {
        if (alreadyDecided(c, cand)) {
            return Optional.empty();
        }
        lock(c, "s:" + campaign.id() + ":" + cand.sender().digits());
        if (alreadyDecided(c, cand)) { // decided by another transaction while we waited for the lock
            return Optional.empty();
        }
        LocalDate day = cand.submittedAt().atZoneSameInstant(campaign.timezone()).toLocalDate();
        CreditDecision decision = CreditPolicy.decide(campaign, cand, history(c, campaign, cand, day));
        if (decision instanceof CreditDecision.Rejected r) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO credit_rejection (message_id, recipient, campaign_id, sender, reason)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                ps.setString(1, cand.messageId());
                ps.setString(2, cand.recipient().digits());
                ps.setString(3, campaign.id());
                ps.setString(4, cand.sender().digits());
                ps.setString(5, r.reason().name());
                ps.executeUpdate();
            }
            return Optional.empty();
        }
        String region = campaign.regionOf(cand.sender());
        int depth = holderDepth(c, campaign.id(), cand.sender().digits()) + 1;
        long forwardId = insertForward(c, campaign, cand, region, depth, day);
        SerialNumber serial = new SerialNumber(campaign.serialPrefix(), nextSequence(c, campaign.id()));
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO serial (serial, campaign_id, sequence, forward_id, msisdn) VALUES (?, ?, ?, ?, ?)""")) {
            ps.setString(1, serial.toString());
            ps.setString(2, campaign.id());
            ps.setLong(3, serial.sequence());
            ps.setLong(4, forwardId);
            ps.setString(5, cand.sender().digits());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO sms_outbox (campaign_id, to_msisdn, from_address, text, kind, serial)
                VALUES (?, ?, ?, ?, 'serial', ?)""")) {
            ps.setString(1, campaign.id());
            ps.setString(2, cand.sender().digits());
            ps.setString(3, campaign.shortCode());
            ps.setString(4, campaign.notices().serial().replace("{serial}", serial.toString()));
            ps.setString(5, serial.toString());
            ps.executeUpdate();
        }
        return Optional.of(new CreditedForward(campaign.id(), cand.sender().digits(), region, serial.toString(), depth));
    }

    /** Transaction-scoped advisory lock on a name (64-bit hash; a collision only serialises more). */
    public static void lock(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            ps.setString(1, name);
            ps.execute();
        }
    }

    private static boolean alreadyDecided(Connection c, CreditCandidate cand) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT 1 FROM forward WHERE message_id = ? AND recipient = ?
                UNION ALL SELECT 1 FROM credit_rejection WHERE message_id = ? AND recipient = ?""")) {
            ps.setString(1, cand.messageId());
            ps.setString(2, cand.recipient().digits());
            ps.setString(3, cand.messageId());
            ps.setString(4, cand.recipient().digits());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static CreditHistory history(Connection c, Campaign campaign, CreditCandidate cand, LocalDate day)
            throws SQLException {
        List<OffsetDateTime> pair = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT submitted_at FROM forward WHERE campaign_id = ? AND sender = ? AND recipient = ?")) {
            ps.setString(1, campaign.id());
            ps.setString(2, cand.sender().digits());
            ps.setString(3, cand.recipient().digits());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pair.add(rs.getObject(1, OffsetDateTime.class));
                }
            }
        }
        int today;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM forward WHERE campaign_id = ? AND sender = ? AND credit_day = ?")) {
            ps.setString(1, campaign.id());
            ps.setString(2, cand.sender().digits());
            ps.setObject(3, day);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                today = rs.getInt(1);
            }
        }
        return new CreditHistory(pair, today);
    }

    /** The relay depth at which the subscriber holds the torch: the shallowest forward to them, else 0 (seeded). */
    private static int holderDepth(Connection c, String campaignId, String msisdn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(min(depth), 0) FROM forward WHERE campaign_id = ? AND recipient = ?")) {
            ps.setString(1, campaignId);
            ps.setString(2, msisdn);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static long insertForward(Connection c, Campaign campaign, CreditCandidate cand, String region, int depth,
            LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO forward (campaign_id, message_id, sender, recipient, region, depth, credit_day,
                    submitted_at, credited_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            ps.setString(1, campaign.id());
            ps.setString(2, cand.messageId());
            ps.setString(3, cand.sender().digits());
            ps.setString(4, cand.recipient().digits());
            ps.setString(5, region);
            ps.setInt(6, depth);
            ps.setObject(7, day);
            ps.setObject(8, cand.submittedAt());
            ps.setTimestamp(9, Timestamp.from(cand.deliveredAt().toInstant()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long nextSequence(Connection c, String campaignId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO serial_counter (campaign_id, last_value) VALUES (?, 1)
                ON CONFLICT (campaign_id) DO UPDATE SET last_value = serial_counter.last_value + 1
                RETURNING last_value""")) {
            ps.setString(1, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
