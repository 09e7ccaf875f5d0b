package io.baton.prize.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pacing: even}: a tier's instant prizes spread over the campaign's days and regions.
 * <ul>
 * <li>Each day's quota is what is left of the tier, divided by the days left (rounded half up),
 * fixed when the day's first credit is decided: what a day does not give rolls forward, and the
 * last day's quota is everything left.</li>
 * <li>The day's quota is split between regions by largest remainder, so the parts add up to it.</li>
 * <li>Within the day a cell's quota becomes available evenly over the day: at a fraction f of the
 * day, ceil(f × quota) may have been given. So prizes do not all go to the first credits of the
 * morning, and a day with credits to the end gives its whole quota.</li>
 * </ul>
 * Every time is an event's time, never the clock, so a replayed campaign paces the same.
 */
public final class Pacing {

    private Pacing() {
    }

    /** The campaign day of an instant, in the campaign's zone. */
    public static LocalDate day(OffsetDateTime at, ZoneId zone) {
        return at.atZoneSameInstant(zone).toLocalDate();
    }

    /** The days the campaign runs on, in its zone: every day that holds part of [starts, ends). */
    public static List<LocalDate> days(OffsetDateTime starts, OffsetDateTime ends, ZoneId zone) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate last = ends.minusNanos(1).atZoneSameInstant(zone).toLocalDate();
        for (LocalDate d = day(starts, zone); !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    /** How many campaign days are left counting {@code day} itself (at least 1). */
    public static int daysLeft(LocalDate day, List<LocalDate> days) {
        long left = days.stream().filter(d -> !d.isBefore(day)).count();
        return (int) Math.max(1, left);
    }

    /** The quota of a day: what is left over the days left, rounded half up; all of it on the last day. */
    public static int dayQuota(int remaining, int daysLeft) {
        if (remaining <= 0) {
            return 0;
        }
        if (daysLeft <= 1) {
            return remaining;
        }
        return (int) ((2L * remaining + daysLeft) / (2L * daysLeft));
    }

    /**
     * Splits {@code quota} by {@code weights} (largest remainder; ties by name): the parts add up to
     * the quota. A region of weight 0 gets 0; when every weight is 0 the quota goes to the regions
     * in equal parts.
     */
    public static Map<String, Integer> split(int quota, Map<String, Double> weights) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (weights.isEmpty()) {
            return out;
        }
        double total = weights.values().stream().mapToDouble(w -> Math.max(0, w)).sum();
        Map<String, Double> w = new LinkedHashMap<>();
        weights.forEach((k, v) -> w.put(k, total > 0 ? Math.max(0, v) / total : 1.0 / weights.size()));
        int given = 0;
        List<Map.Entry<String, Double>> remainders = new ArrayList<>();
        for (Map.Entry<String, Double> e : w.entrySet()) {
            double exact = quota * e.getValue();
            int part = (int) Math.floor(exact);
            out.put(e.getKey(), part);
            given += part;
            remainders.add(Map.entry(e.getKey(), exact - part));
        }
        remainders.sort(Comparator.comparing((Map.Entry<String, Double> e) -> -e.getValue())
                .thenComparing(Map.Entry::getKey));
        for (int i = 0; given < quota; i = (i + 1) % remainders.size()) {
            out.merge(remainders.get(i).getKey(), 1, Integer::sum);
            given++;
        }
        return out;
    }

    /**
     * How much of a day's {@code planned} quota may have been given by {@code at}: ceil(f × planned)
     * at a fraction f of the day (0 before it starts, all of it from its end on).
     */
    public static int allowed(int planned, LocalDate day, ZoneId zone, OffsetDateTime at) {
        ZonedDateTime start = day.atStartOfDay(zone);
        ZonedDateTime end = day.plusDays(1).atStartOfDay(zone);
        long length = Duration.between(start, end).toMillis();
        long elapsed = Duration.between(start.toInstant(), at.toInstant()).toMillis();
        if (elapsed < 0) {
            return 0;
        }
        if (elapsed >= length) {
            return planned;
        }
        // the first unit at the day's first moment: ceil, computed in integers
        return (int) Math.min(planned, (planned * (elapsed + 1) + length - 1) / length);
    }
}
