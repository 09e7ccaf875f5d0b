package io.baton.notify.smpp.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Joins the segments of concatenated MO messages, per sender, recipient and reference. A text is
 * given out once all its segments arrived; a segment repeated by the SMSC counts once; texts
 * incomplete after {@code maxAge}, and the oldest beyond {@code maxPending}, are dropped (an SMSC
 * that never sends the rest must not fill the memory). Not thread-safe; callers synchronise.
 */
public final class MoReassembly {

    private record Key(String from, String to, int reference, int total) {
    }

    private static final class Pending {
        final String[] parts;
        final Instant started;
        int received;

        Pending(int total, Instant started) {
            this.parts = new String[total];
            this.started = started;
        }
    }

    private final Duration maxAge;
    private final int maxPending;
    private final Map<Key, Pending> pending = new LinkedHashMap<>();
    private long dropped;

    public MoReassembly(Duration maxAge, int maxPending) {
        this.maxAge = maxAge;
        this.maxPending = maxPending;
    }

    /** Adds one segment; the whole text when this one completed it. */
    public Optional<String> add(String from, String to, DecodedSms.Part part, String text, Instant now) {
        evict(now);
        Key key = new Key(from, to, part.reference(), part.total());
        Pending p = pending.computeIfAbsent(key, k -> new Pending(part.total(), now));
        int slot = part.sequence() - 1;
        if (p.parts[slot] == null) {
            p.parts[slot] = text;
            p.received++;
        }
        if (p.received < part.total()) {
            return Optional.empty();
        }
        pending.remove(key);
        return Optional.of(String.join("", p.parts));
    }

    /** Texts given up so far (timed out or pushed out). */
    public long dropped() {
        return dropped;
    }

    public int pending() {
        return pending.size();
    }

    private void evict(Instant now) {
        Iterator<Pending> it = pending.values().iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            if (pending.size() >= maxPending || p.started.plus(maxAge).isBefore(now)) {
                it.remove();
                dropped++;
            } else {
                break; // insertion order: the rest are younger
            }
        }
    }
}
