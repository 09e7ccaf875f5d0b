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
        String notice, Abuse abuse) {

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

    /**
     * Anti-abuse ({@code prizes.abuse}): numbers that never win ({@code block}), numbers never
     * flagged ({@code allow}), and the rules that flag a win for review. A rule that is absent is
     * off. List entries are whole numbers in international form or prefixes ending in {@code *}.
     */
    public record Abuse(List<String> block, List<String> allow, Window perSender, Window perRecipient, Rings rings,
            Bursts bursts) {

        public static final Abuse NONE = new Abuse(List.of(), List.of(), null, null, null, null);

        public Abuse {
            block = List.copyOf(block);
            allow = List.copyOf(allow);
        }

        /** The first entry of {@code list} that {@code msisdn} matches, or null. */
        public static String match(List<String> list, String msisdn) {
            for (String entry : list) {
                boolean prefix = entry.endsWith("*");
                String digits = prefix ? entry.substring(0, entry.length() - 1) : entry;
                if (prefix ? msisdn.startsWith(digits) : msisdn.equals(digits)) {
                    return entry;
                }
            }
            return null;
        }
    }

    /** At most {@code max} credited forwards within any {@code per}. */
    public record Window(int max, Duration per) {
    }

    /**
     * A farming ring: a sender whose recipients, with the sender, make a group of at most
     * {@code maxSize} numbers that passed the torch among themselves at least {@code minForwards}
     * times, none of whom forwarded to or was forwarded to by anyone outside the group.
     */
    public record Rings(int maxSize, int minForwards) {
    }

    /**
     * A burst from one number range: more than {@code maxNewSenders} numbers sharing the winner's
     * first {@code prefixDigits} digits made their first credited forward within {@code per}.
     */
    public record Bursts(int prefixDigits, int maxNewSenders, Duration per) {
    }
}
