package io.baton.prize.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class PacingPropertiesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Property
    void dayQuotasGiveEverythingByTheLastDayAndStayEven(@ForAll @IntRange(min = 0, max = 100_000) int quantity,
            @ForAll @IntRange(min = 1, max = 60) int days) {
        int remaining = quantity;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int left = days; left >= 1; left--) {
            int q = Pacing.dayQuota(remaining, left);
            assertThat(q).isBetween(0, remaining);
            min = Math.min(min, q);
            max = Math.max(max, q);
            remaining -= q; // every day gives its quota
        }
        assertThat(remaining).as("left after the last day").isZero();
        assertThat(max - min).as("days differ by at most one unit").isLessThanOrEqualTo(1);
    }

    @Property
    void regionPartsAddUpToTheQuota(@ForAll @IntRange(min = 0, max = 10_000) int quota,
            @ForAll @Size(min = 1, max = 13) List<@DoubleRange(min = 0, max = 1000) Double> weights) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (int i = 0; i < weights.size(); i++) {
            w.put("r" + i, weights.get(i));
        }
        Map<String, Integer> parts = Pacing.split(quota, w);
        assertThat(parts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(quota);
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        if (total > 0) {
            for (int i = 0; i < weights.size(); i++) {
                double exact = quota * weights.get(i) / total;
                assertThat((double) parts.get("r" + i)).isBetween(Math.floor(exact), Math.ceil(exact));
            }
        }
    }

    @Property
    void aDaysQuotaBecomesAvailableEvenlyAndWhollyByItsEnd(@ForAll @IntRange(min = 0, max = 5000) int planned,
            @ForAll @IntRange(min = 0, max = 86_399) int second) {
        LocalDate day = LocalDate.of(2008, 5, 1);
        OffsetDateTime at = day.atStartOfDay(SHANGHAI).plusSeconds(second).toOffsetDateTime();
        int allowed = Pacing.allowed(planned, day, SHANGHAI, at);
        double exact = planned * (second / 86_400.0);
        assertThat(allowed).isBetween((int) Math.floor(exact), Math.min(planned, (int) Math.ceil(exact) + 1));
        assertThat(Pacing.allowed(planned, day, SHANGHAI, day.plusDays(1).atStartOfDay(SHANGHAI).toOffsetDateTime()))
                .isEqualTo(planned);
        assertThat(Pacing.allowed(planned, day, SHANGHAI, day.atStartOfDay(SHANGHAI).minusSeconds(1)
                .toOffsetDateTime())).isZero();
    }

    @Test
    void theCampaignsDaysAreItsZonesDays() {
        List<LocalDate> days = Pacing.days(OffsetDateTime.parse("2008-01-10T00:00:00+08:00"),
                OffsetDateTime.parse("2008-02-09T00:00:00+08:00"), SHANGHAI);
        assertThat(days).hasSize(30).startsWith(LocalDate.of(2008, 1, 10)).endsWith(LocalDate.of(2008, 2, 8));
        assertThat(Pacing.daysLeft(LocalDate.of(2008, 2, 8), days)).isEqualTo(1);
        assertThat(Pacing.daysLeft(LocalDate.of(2008, 1, 10), days)).isEqualTo(30);
        // 16:30 UTC on the 9th is 00:30 on the 10th in Shanghai
        assertThat(Pacing.day(OffsetDateTime.parse("2008-01-09T16:30:00Z"), SHANGHAI)).isEqualTo(LocalDate.of(2008, 1, 10));
    }

    @Test
    void theFirstUnitIsThereAtTheDaysFirstMoment() {
        LocalDate day = LocalDate.of(2008, 5, 1);
        assertThat(Pacing.allowed(40, day, SHANGHAI, day.atStartOfDay(SHANGHAI).toOffsetDateTime())).isEqualTo(1);
        assertThat(Pacing.allowed(40, day, SHANGHAI, day.atTime(12, 0).atZone(SHANGHAI).toOffsetDateTime()))
                .isEqualTo(21);
    }
}
