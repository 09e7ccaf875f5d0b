package io.baton.campaign.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks a campaign's {@code prizes:} section. Refused, each error naming its field: a
 * catalogue whose quantities at their unit costs exceed the budget, a reference to an unknown
 * tier, draws that would give more of a tier than its quantity, a draw cutoff outside the
 * campaign, region shares that are not the campaign's regions or do not add up to 1.
 */
final class PrizeRulesParser {

    private static final Pattern TIER_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z0-9]{1,16}");
    private static final long MAX_MONEY = 1_000_000_000_000L;
    private static final Pattern NUMBER_OR_PREFIX = Pattern.compile("[0-9]{2,15}\\*?");
    private static final String NUMBER_OR_PREFIX_EXPECTED = "a number in international form (8613905550001) or a "
            + "prefix ending in * (861390555*)";

    private PrizeRulesParser() {
    }

    /**
     * @param starts,ends the campaign's window (null when they are themselves invalid)
     * @param regions the campaign's region names
     */
    static PrizeRules parse(YamlFields f, OffsetDateTime starts, OffsetDateTime ends, Set<String> regions) {
        Long budget = f.whole("budget", true, 1, MAX_MONEY);
        String currency = f.string("currency", false, CURRENCY, "three upper-case letters (ISO 4217, e.g. CNY)");
        Integer maxPerSubscriber = f.integer("maxPrizesPerSubscriber", 1, 1_000_000);
        List<PrizeRules.Tier> tiers = tiers(f);
        Set<String> tierIds = new HashSet<>();
        tiers.forEach(t -> tierIds.add(t.id()));
        if (budget != null) {
            long cost = tiers.stream().mapToLong(t -> t.unitCost() * t.quantity()).sum();
            if (cost > budget) {
                f.error("budget", "the tiers' quantities at their unit costs come to " + cost + ", more than the budget "
                        + budget + ": lower a quantity or raise the budget");
            }
        }
        List<PrizeRules.InstantRule> instant = new ArrayList<>();
        for (YamlFields i : list(f, "instant")) {
            String tier = tierRef(i, tierIds);
            String pacing = i.string("pacing", false, null, null);
            PrizeRules.Pacing p = PrizeRules.Pacing.EVEN;
            if (pacing != null) {
                try {
                    p = PrizeRules.Pacing.valueOf(pacing.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    i.error("pacing", "must be even or none, is \"" + YamlFields.abbreviate(pacing) + "\"");
                }
            }
            PrizeRules.RegionSplit split = regionSplit(i, regions);
            i.rejectUnknown();
            if (tier != null) {
                instant.add(new PrizeRules.InstantRule(tier, p, split));
            }
        }
        List<PrizeRules.Milestone> milestones = new ArrayList<>();
        for (YamlFields m : list(f, "milestones")) {
            Integer nth = m.integer("everyNthForward", 1, 1_000_000);
            Boolean first = m.bool("firstForward");
            String tier = tierRef(m, tierIds);
            if ((nth == null) == (first == null || !first)) {
                m.error("", "needs exactly one of everyNthForward: N or firstForward: true");
            }
            m.rejectUnknown();
            if (tier != null && (nth != null || Boolean.TRUE.equals(first))) {
                milestones.add(new PrizeRules.Milestone(nth == null ? 0 : nth, nth == null, tier));
            }
        }
        List<PrizeRules.Draw> draws = draws(f, tiers, tierIds, starts, ends);
        PrizeRules.Claim claim = f.map("claim", false).map(c -> {
            String keyword = c.string("keyword", false, KEYWORD, "1 to 16 letters or digits");
            Duration deadline = c.duration("deadline");
            c.rejectUnknown();
            return new PrizeRules.Claim(keyword == null ? PrizeRules.Claim.DEFAULT.keyword() : keyword,
                    deadline == null ? PrizeRules.Claim.DEFAULT.deadline() : deadline);
        }).orElse(PrizeRules.Claim.DEFAULT);
        PrizeRules.Review review = f.map("review", false).map(r -> {
            Integer hours = r.integer("holdHours", 0, 24 * 90);
            r.rejectUnknown();
            return hours == null ? PrizeRules.Review.DEFAULT : new PrizeRules.Review(Duration.ofHours(hours));
        }).orElse(PrizeRules.Review.DEFAULT);
        String notice = f.string("notice", false, null, null);
        if (notice != null && !notice.contains("{code}")) {
            f.error("notice", "must contain {code}: the winner needs it to claim");
        }
        PrizeRules.Abuse abuse = f.map("abuse", false).map(PrizeRulesParser::abuse).orElse(PrizeRules.Abuse.NONE);
        f.rejectUnknown();
        return new PrizeRules(budget == null ? 0 : budget, currency == null ? "CNY" : currency,
                maxPerSubscriber == null ? PrizeRules.UNLIMITED : maxPerSubscriber, tiers, instant, milestones, draws,
                claim, review, notice == null ? PrizeRules.DEFAULT_NOTICE : notice, abuse);
    }

    private static PrizeRules.Abuse abuse(YamlFields a) {
        List<String> block = a.strings("block", false, NUMBER_OR_PREFIX, NUMBER_OR_PREFIX_EXPECTED);
        List<String> allow = a.strings("allow", false, NUMBER_OR_PREFIX, NUMBER_OR_PREFIX_EXPECTED);
        PrizeRules.Window perSender = null;
        PrizeRules.Window perRecipient = null;
        Optional<YamlFields> velocity = a.map("velocity", false);
        if (velocity.isPresent()) {
            YamlFields v = velocity.get();
            perSender = v.map("perSender", false).map(PrizeRulesParser::window).orElse(null);
            perRecipient = v.map("perRecipient", false).map(PrizeRulesParser::window).orElse(null);
            v.rejectUnknown();
        }
        PrizeRules.Rings rings = a.map("rings", false).map(r -> {
            Integer maxSize = r.integer("maxSize", 2, 50);
            Integer minForwards = r.integer("minForwards", 1, 10_000);
            r.rejectUnknown();
            return new PrizeRules.Rings(maxSize == null ? 6 : maxSize, minForwards == null ? 12 : minForwards);
        }).orElse(null);
        PrizeRules.Bursts bursts = a.map("bursts", false).map(b -> {
            Integer digits = b.integer("prefixDigits", 3, 14);
            Integer max = b.integer("maxNewSenders", 1, 1_000_000);
            Duration per = b.duration("per");
            b.rejectUnknown();
            return new PrizeRules.Bursts(digits == null ? 9 : digits, max == null ? 30 : max,
                    per == null ? Duration.ofHours(1) : per);
        }).orElse(null);
        a.rejectUnknown();
        List<String> both = new ArrayList<>(block == null ? List.of() : block);
        both.retainAll(allow == null ? List.of() : allow);
        if (!both.isEmpty()) {
            a.error("allow", both + " is in both block and allow: block wins, so take it out of one of them");
        }
        return new PrizeRules.Abuse(block == null ? List.of() : block, allow == null ? List.of() : allow, perSender,
                perRecipient, rings, bursts);
    }

    private static PrizeRules.Window window(YamlFields w) {
        Integer max = w.integer("max", 1, 1_000_000);
        Duration per = w.duration("per");
        if (max == null && !w.keys().contains("max")) {
            w.error("max", "is required: the most credited forwards within per");
        }
        if (per == null && !w.keys().contains("per")) {
            w.error("per", "is required: an ISO-8601 duration such as PT1H");
        }
        w.rejectUnknown();
        return max == null || per == null ? null : new PrizeRules.Window(max, per);
    }

    private static List<PrizeRules.Tier> tiers(YamlFields f) {
        List<PrizeRules.Tier> tiers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<YamlFields> list = f.listOfMaps("tiers", true);
        if (list != null && list.isEmpty()) {
            f.error("tiers", "needs at least one tier");
        }
        for (YamlFields t : list == null ? List.<YamlFields>of() : list) {
            String id = t.string("id", true, TIER_ID, "lower-case letters, digits, '_' and '-', at most 32");
            String name = t.string("name", true, null, null);
            Long unitCost = t.whole("unitCost", true, 0, MAX_MONEY);
            Long quantity = t.whole("quantity", true, 1, 100_000_000);
            t.rejectUnknown();
            if (id != null && !ids.add(id)) {
                t.error("id", "tier " + id + " appears twice");
            }
            if (id != null && name != null && unitCost != null && quantity != null) {
                tiers.add(new PrizeRules.Tier(id, name, unitCost, quantity.intValue()));
            }
        }
        return tiers;
    }

    private static List<PrizeRules.Draw> draws(YamlFields f, List<PrizeRules.Tier> tiers, Set<String> tierIds,
            OffsetDateTime starts, OffsetDateTime ends) {
        List<PrizeRules.Draw> draws = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, Integer> drawn = new LinkedHashMap<>();
        for (YamlFields d : list(f, "draws")) {
            String id = d.string("id", true, TIER_ID, "lower-case letters, digits, '_' and '-', at most 32");
            String tier = tierRef(d, tierIds);
            Integer winners = d.integer("winners", 1, 100_000);
            Integer alternates = d.integer("alternates", 0, 100_000);
            OffsetDateTime cutoff = d.time("cutoff");
            d.rejectUnknown();
            if (id != null && !ids.add(id)) {
                d.error("id", "draw " + id + " appears twice");
            }
            if (cutoff != null && starts != null && ends != null && (!cutoff.isAfter(starts) || cutoff.isAfter(ends))) {
                d.error("cutoff", "must be after the campaign starts (" + starts + ") and not after it ends (" + ends
                        + ")");
            }
            if (winners == null) {
                d.error("winners", "is required");
            }
            if (id != null && tier != null && winners != null && cutoff != null) {
                draws.add(new PrizeRules.Draw(id, tier, winners, alternates == null ? 0 : alternates, cutoff));
                int total = drawn.merge(tier, winners, Integer::sum);
                int quantity = tiers.stream().filter(t -> t.id().equals(tier)).findFirst().orElseThrow().quantity();
                if (total > quantity) {
                    d.error("winners", "the draws of tier " + tier + " give " + total + " prizes, more than its quantity "
                            + quantity);
                }
            }
        }
        return draws;
    }

    private static PrizeRules.RegionSplit regionSplit(YamlFields i, Set<String> regions) {
        if (i.isMapping("regions")) {
            YamlFields r = i.map("regions", false).orElseThrow();
            Map<String, Double> shares = new LinkedHashMap<>();
            for (String name : r.keys()) {
                Double share = r.decimal(name, 0.0, 1.0);
                if (!regions.contains(name) && !Campaign.OTHER_REGION.equals(name)) {
                    r.error(name, "is not one of the campaign's regions " + regions + " (or " + Campaign.OTHER_REGION
                            + ")");
                } else if (share != null) {
                    shares.put(name, share);
                }
            }
            double sum = shares.values().stream().mapToDouble(Double::doubleValue).sum();
            if (!shares.isEmpty() && Math.abs(sum - 1.0) > 1e-6) {
                i.error("regions", "the shares add up to " + sum + ", not 1");
            }
            return new PrizeRules.RegionSplit(false, shares);
        }
        String how = i.string("regions", false, null, null);
        if (how == null) {
            return PrizeRules.RegionSplit.NONE;
        }
        if (!how.strip().equals("byParticipants")) {
            i.error("regions", "must be byParticipants or a mapping of region to share, is \""
                    + YamlFields.abbreviate(how) + "\"");
            return PrizeRules.RegionSplit.NONE;
        }
        return new PrizeRules.RegionSplit(true, Map.of());
    }

    private static String tierRef(YamlFields f, Set<String> tierIds) {
        String tier = f.string("tier", true, null, null);
        if (tier != null && !tierIds.contains(tier)) {
            f.error("tier", "unknown tier " + tier + " (the tiers are " + tierIds + ")");
            return null;
        }
        return tier;
    }

    private static List<YamlFields> list(YamlFields f, String key) {
        List<YamlFields> l = f.listOfMaps(key, false);
        return l == null ? List.of() : l;
    }
}
