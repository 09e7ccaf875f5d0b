package io.baton.campaign.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A campaign's {@code prizes:} section (ARCHITECTURE 3.6), valid: what can be won, what it may
 * cost at most, and the three ways to give (instant wins on a credit, milestones, draws).
 * Money is in whole currency units.
 */
public record PrizeRules(long budget, String currency, int maxPrizesPerSubscriber, List<Tier> tiers,
        List<InstantRule> instant, List<Milestone> milestones, List<Draw> draws, Claim claim, Review review,
        String notice) {

    /**
     * The SMS a winner gets; {@code {prize} {serial} {keyword} {code} {shortCode} {deadline}} are
     * filled in ({@code prizes.notice} replaces it and must keep {@code {code}}).
     */
    public static final String DEFAULT_NOTICE = "Congratulations! Your serial {serial} won {prize}. "
            + "To claim it, text {keyword} {code} to {shortCode} before {deadline}.";

    /** No limit on prizes per subscriber (the key is absent). */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    public PrizeRules {
        tiers = List.copyOf(tiers);
        instant = List.copyOf(instant);
        milestones = List.copyOf(milestones);
        draws = List.copyOf(draws);
    }

    public Optional<Tier> tier(String id) {
        return tiers.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Draw> draw(String id) {
        return draws.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The most the catalogue can cost: every tier's quantity at its unit cost. */
    public long catalogueCost() {
        return tiers.stream().mapToLong(t -> t.unitCost() * t.quantity()).sum();
    }

    public record Tier(String id, String name, long unitCost, int quantity) {
    }

    /** How a tier's instant wins are spread over the campaign. */
    public enum Pacing {
        /** Each day gets an equal share of what is left, accrued over the day; unused quota rolls forward. */
        EVEN,
        /** First come, first served until the stock is gone. */
        NONE
    }

    /**
     * Regions' shares of each day's quota: by their participants so far ({@code byParticipants}),
     * fixed fractions, or none (one quota for the whole campaign).
     */
    public record RegionSplit(boolean byParticipants, Map<String, Double> shares) {

        public static final RegionSplit NONE = new RegionSplit(false, Map.of());

        public RegionSplit {
            shares = Map.copyOf(shares);
        }

        public boolean isSplit() {
            return byParticipants || !shares.isEmpty();
        }
    }

    /** Instant wins of a tier on credited forwards. */
    public record InstantRule(String tier, Pacing pacing, RegionSplit regions) {
    }

    /**
     * A sender's every Nth credited forward ({@code everyNthForward}), or a sender's first credited
     * forward of the campaign ({@code firstForward}), wins a prize of the tier.
     */
    public record Milestone(int everyNthForward, boolean firstForward, String tier) {
    }

    /** A scheduled draw among the serials issued before its cutoff. */
    public record Draw(String id, String tier, int winners, int alternates, OffsetDateTime cutoff) {
    }

    /** MO {@code "<keyword> <code>"} to the campaign's short code claims a win within {@code deadline}. */
    public record Claim(String keyword, Duration deadline) {

        public static final Claim DEFAULT = new Claim("LJ", Duration.ofDays(14));
    }

    /** Flagged wins wait {@code hold} for an operator's decision before they are confirmed. */
    public record Review(Duration hold) {

        public static final Review DEFAULT = new Review(Duration.ofHours(48));
    }
}
