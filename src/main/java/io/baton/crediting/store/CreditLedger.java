package io.baton.crediting.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.campaign.domain.Campaign;
import io.baton.crediting.domain.CreditCandidate;
import io.baton.crediting.domain.CreditDecision;
import io.baton.crediting.domain.CreditHistory;
import io.baton.crediting.domain.CreditPolicy;
import io.baton.crediting.domain.CreditedForward;
import io.baton.db.Locks;
import io.baton.db.SqlArrays;
import io.baton.notify.store.SmsOutboxRepository;
import io.baton.serial.domain.SerialNumber;

/**
 * Decides and records a batch of credit candidates inside the caller's transaction: each credited
 * forward with its serial and its SMS notice, or the reason it earned nothing. Senders are locked
 * first, so the per-pair and per-day limits hold across concurrent batches and replicas; every
 * write is one multi-row statement. Unique keys on (message, recipient) keep a second decision
 * for the same candidate from ever being written.
 */
@ApplicationScoped
public class CreditLedger {

    private final SmsOutboxRepository outbox;

    public CreditLedger(SmsOutboxRepository outbox) {
        this.outbox = outbox;
    }

    /** A candidate with the campaign whose rules apply. The caller holds its message's lock. */
    public record Candidate(Campaign campaign, CreditCandidate credit) {
        String senderKey() {
            return campaign.id() + ":" + credit.sender().digits();
        }

        String pairKey() {
            return senderKey() + ":" + credit.recipient().digits();
        }

        LocalDate day() {
            return credit.submittedAt().atZoneSameInstant(campaign.timezone()).toLocalDate();
        }
    }

    private record Credit(Candidate candidate, String region, int depth, LocalDate day) {
    }

    private record Rejection(Candidate candidate, String reason) {
    }

    public List<CreditedForward> decideAll(Connection c, List<Candidate> candidates) throws SQLException {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, Candidate> unique = new LinkedHashMap<>();
        for (Candidate cand : candidates) {
            unique.putIfAbsent(cand.credit().messageId() + "\u0000" + cand.credit().recipient().digits(), cand);
        }
        List<Candidate> ordered = new ArrayList<>(unique.values());
        ordered.sort(Comparator.comparing((Candidate x) -> x.credit().submittedAt())
                .thenComparing(x -> x.credit().messageId()).thenComparing(x -> x.credit().recipient().digits()));
        Locks.lockAll(c, ordered.stream().map(x -> "s:" + x.senderKey()).toList());

        History history = History.load(c, ordered);
        List<Credit> credits = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (Candidate cand : ordered) {
            LocalDate day = cand.day();
            CreditDecision d = CreditPolicy.decide(cand.campaign(), cand.credit(), new CreditHistory(
                    history.pairTimes(cand.pairKey()), history.dayCount(cand.senderKey(), day)));
            if (d instanceof CreditDecision.Rejected r) {
                rejections.add(new Rejection(cand, r.reason().name()));
            } else {
                int depth = history.holderDepth(cand.campaign().id(), cand.credit().sender().digits()) + 1;
                credits.add(new Credit(cand, cand.campaign().regionOf(cand.credit().sender()), depth, day));
                history.recordCredit(cand, day, depth);
            }
        }
        writeRejections(c, rejections);
        return writeCredits(c, credits);
    }

    private List<CreditedForward> writeCredits(Connection c, List<Credit> credits) throws SQLException {
        if (credits.isEmpty()) {
            return List.of();
        }
        Map<String, Long> firstSequence = reserveSequences(c, credits);
        List<String> serials = new ArrayList<>(credits.size());
        for (Credit cr : credits) {
            Campaign campaign = cr.candidate().campaign();
            long seq = firstSequence.merge(campaign.id(), 1L, Long::sum) - 1;
            serials.add(new SerialNumber(campaign.serialPrefix(), seq).toString());
        }
        Map<String, Long> forwardIds = new HashMap<>();
        String xid = null;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO forward (campaign_id, message_id, sender, recipient, region, depth, credit_day,
                    submitted_at, credited_at)
                SELECT c, m, s, r, g, d::int, day::date, sub::timestamptz, del::timestamptz
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[]) AS t(c, m, s, r, g, d, day, sub, del)
                RETURNING id, message_id, recipient, pg_current_xact_id()::text""")) {
            ps.setArray(1, SqlArrays.column(c, credits, x -> x.candidate().campaign().id()));
            ps.setArray(2, SqlArrays.column(c, credits, x -> x.candidate().credit().messageId()));
            ps.setArray(3, SqlArrays.column(c, credits, x -> x.candidate().credit().sender().digits()));
            ps.setArray(4, SqlArrays.column(c, credits, x -> x.candidate().credit().recipient().digits()));
            ps.setArray(5, SqlArrays.column(c, credits, Credit::region));
            ps.setArray(6, SqlArrays.column(c, credits, Credit::depth));
            ps.setArray(7, SqlArrays.column(c, credits, Credit::day));
            ps.setArray(8, SqlArrays.column(c, credits, x -> x.candidate().credit().submittedAt()));
            ps.setArray(9, SqlArrays.column(c, credits, x -> x.candidate().credit().deliveredAt()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    forwardIds.put(rs.getString(2) + "\u0000" + rs.getString(3), rs.getLong(1));
                    xid = rs.getString(4);
                }
            }
        }
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < credits.size(); i++) {
            index.add(i);
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO serial (serial, campaign_id, sequence, forward_id, msisdn)
                SELECT s, c, q::bigint, f::bigint, m FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS t(s, c, q, f, m)""")) {
            ps.setArray(1, SqlArrays.column(c, index, serials::get));
            ps.setArray(2, SqlArrays.column(c, index, i -> credits.get(i).candidate().campaign().id()));
            ps.setArray(3, SqlArrays.column(c, index, i -> SerialNumber.parse(serials.get(i)).orElseThrow().sequence()));
            ps.setArray(4, SqlArrays.column(c, index, i -> forwardIds.get(credits.get(i).candidate().credit().messageId()
                    + "\u0000" + credits.get(i).candidate().credit().recipient().digits())));
            ps.setArray(5, SqlArrays.column(c, index, i -> credits.get(i).candidate().credit().sender().digits()));
            ps.executeUpdate();
        }
        List<SmsOutboxRepository.Notice> notices = new ArrayList<>(credits.size());
        for (int i = 0; i < credits.size(); i++) {
            Candidate cand = credits.get(i).candidate();
            notices.add(new SmsOutboxRepository.Notice(cand.campaign().id(), cand.credit().sender().digits(),
                    cand.campaign().shortCode(), cand.campaign().notices().serial().replace("{serial}", serials.get(i)),
                    "serial", serials.get(i)));
        }
        outbox.enqueue(c, notices);
        List<CreditedForward> out = new ArrayList<>(credits.size());
        for (int i = 0; i < credits.size(); i++) {
            Credit cr = credits.get(i);
            out.add(new CreditedForward(cr.candidate().campaign().id(), cr.candidate().credit().sender().digits(),
                    cr.region(), serials.get(i), cr.depth(), xid, cr.candidate().credit().deliveredAt()));
        }
        return out;
    }

    /** Reserves a block of sequence numbers per campaign; returns the first number of each block. */
    private static Map<String, Long> reserveSequences(Connection c, List<Credit> credits) throws SQLException {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (Credit cr : credits) {
            counts.merge(cr.candidate().campaign().id(), 1L, Long::sum);
        }
        Map<String, Long> first = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO serial_counter (campaign_id, last_value) VALUES (?, ?)
                ON CONFLICT (campaign_id) DO UPDATE SET last_value = serial_counter.last_value + EXCLUDED.last_value
                RETURNING last_value""")) {
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setLong(2, e.getValue());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    first.put(e.getKey(), rs.getLong(1) - e.getValue() + 1);
                }
            }
        }
        return first;
    }

    private static void writeRejections(Connection c, List<Rejection> rejections) throws SQLException {
        if (rejections.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO credit_rejection (message_id, recipient, campaign_id, sender, reason)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                ON CONFLICT DO NOTHING""")) {
            ps.setArray(1, SqlArrays.column(c, rejections, r -> r.candidate().credit().messageId()));
            ps.setArray(2, SqlArrays.column(c, rejections, r -> r.candidate().credit().recipient().digits()));
            ps.setArray(3, SqlArrays.column(c, rejections, r -> r.candidate().campaign().id()));
            ps.setArray(4, SqlArrays.column(c, rejections, r -> r.candidate().credit().sender().digits()));
            ps.setArray(5, SqlArrays.column(c, rejections, Rejection::reason));
            ps.executeUpdate();
        }
    }

    /** Earlier credits of the batch's senders, read under their locks and kept current as the batch credits. */
    private static final class History {
        private final Map<String, List<OffsetDateTime>> pairTimes = new HashMap<>();
        private final Map<String, Integer> dayCounts = new HashMap<>();
        private final Map<String, Integer> holderDepths = new HashMap<>();

        static History load(Connection c, List<Candidate> cands) throws SQLException {
            History h = new History();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT f.campaign_id, f.sender, f.recipient, f.submitted_at FROM forward f
                    JOIN (SELECT DISTINCT * FROM unnest(?::text[], ?::text[], ?::text[])) AS t(c, s, r)
                      ON f.campaign_id = t.c AND f.sender = t.s AND f.recipient = t.r""")) {
                ps.setArray(1, SqlArrays.column(c, cands, x -> x.campaign().id()));
                ps.setArray(2, SqlArrays.column(c, cands, x -> x.credit().sender().digits()));
                ps.setArray(3, SqlArrays.column(c, cands, x -> x.credit().recipient().digits()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        h.pairTimes.computeIfAbsent(rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3),
                                k -> new ArrayList<>()).add(rs.getObject(4, OffsetDateTime.class));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT f.campaign_id, f.sender, f.credit_day, count(*) FROM forward f
                    JOIN (SELECT DISTINCT * FROM unnest(?::text[], ?::text[], ?::text[])) AS t(c, s, d)
                      ON f.campaign_id = t.c AND f.sender = t.s AND f.credit_day = t.d::date
                    GROUP BY 1, 2, 3""")) {
                ps.setArray(1, SqlArrays.column(c, cands, x -> x.campaign().id()));
                ps.setArray(2, SqlArrays.column(c, cands, x -> x.credit().sender().digits()));
                ps.setArray(3, SqlArrays.column(c, cands, Candidate::day));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        h.dayCounts.put(rs.getString(1) + ":" + rs.getString(2) + "@" + rs.getObject(3, LocalDate.class),
                                rs.getInt(4));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT f.campaign_id, f.recipient, min(f.depth) FROM forward f
                    JOIN (SELECT DISTINCT * FROM unnest(?::text[], ?::text[])) AS t(c, r)
                      ON f.campaign_id = t.c AND f.recipient = t.r
                    GROUP BY 1, 2""")) {
                ps.setArray(1, SqlArrays.column(c, cands, x -> x.campaign().id()));
                ps.setArray(2, SqlArrays.column(c, cands, x -> x.credit().sender().digits()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        h.holderDepths.put(rs.getString(1) + ":" + rs.getString(2), rs.getInt(3));
                    }
                }
            }
            return h;
        }

        List<OffsetDateTime> pairTimes(String pairKey) {
            return pairTimes.getOrDefault(pairKey, List.of());
        }

        int dayCount(String senderKey, LocalDate day) {
            return dayCounts.getOrDefault(senderKey + "@" + day, 0);
        }

        /** 0 when the subscriber got the torch from us or from outside what we have seen. */
        int holderDepth(String campaignId, String msisdn) {
            return holderDepths.getOrDefault(campaignId + ":" + msisdn, 0);
        }

        void recordCredit(Candidate cand, LocalDate day, int depth) {
            pairTimes.computeIfAbsent(cand.pairKey(), k -> new ArrayList<>()).add(cand.credit().submittedAt());
            dayCounts.merge(cand.senderKey() + "@" + day, 1, Integer::sum);
            holderDepths.merge(cand.campaign().id() + ":" + cand.credit().recipient().digits(), depth, Math::min);
        }
    }
}
