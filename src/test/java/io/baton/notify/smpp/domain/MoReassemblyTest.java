package io.baton.notify.smpp.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class MoReassemblyTest {

    private static final Instant T = Instant.parse("2008-01-11T01:00:00Z");

    @Test
    void joinsSegmentsInAnyOrderAndCountsARepeatOnce() {
        MoReassembly r = new MoReassembly(Duration.ofMinutes(1), 10);
        assertThat(r.add("a", "10658000", new DecodedSms.Part(7, 3, 3), "C", T)).isEmpty();
        assertThat(r.add("a", "10658000", new DecodedSms.Part(7, 3, 1), "A", T)).isEmpty();
        assertThat(r.add("a", "10658000", new DecodedSms.Part(7, 3, 1), "A", T)).isEmpty();
        assertThat(r.add("b", "10658000", new DecodedSms.Part(7, 3, 2), "x", T)).isEmpty(); // another sender
        assertThat(r.add("a", "10658000", new DecodedSms.Part(7, 3, 2), "B", T)).contains("ABC");
        assertThat(r.pending()).isEqualTo(1);
    }

    @Test
    void dropsTextsLeftIncompleteTooLongOrBeyondCapacity() {
        MoReassembly r = new MoReassembly(Duration.ofMinutes(1), 2);
        r.add("a", "x", new DecodedSms.Part(1, 2, 1), "A", T);
        r.add("b", "x", new DecodedSms.Part(1, 2, 1), "A", T);
        r.add("c", "x", new DecodedSms.Part(1, 2, 1), "A", T); // pushes "a" out
        assertThat(r.dropped()).isEqualTo(1);
        assertThat(r.add("a", "x", new DecodedSms.Part(1, 2, 2), "B", T.plusSeconds(1))).isEmpty();
        r.add("d", "x", new DecodedSms.Part(1, 2, 1), "A", T.plusSeconds(120)); // the rest timed out
        assertThat(r.pending()).isEqualTo(1);
    }
}
