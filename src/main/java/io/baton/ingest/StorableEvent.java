package io.baton.ingest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.baton.common.StorableTime;
import io.baton.ingest.domain.MmscEvent;

/**
 * The last check before an event goes to Kafka: what PostgreSQL could not hold is refused here,
 * at ingest, with its field named, instead of failing the tracking consumer later. Identifiers with
 * a NUL character are refused (PostgreSQL text holds none, and an identifier cannot be mended);
 * NULs in a subject or a part's name or type are padding some handsets send and are dropped; an
 * {@code at} outside the years 1970 to 9999 is a broken clock or a hostile value and is refused.
 */
final class StorableEvent {

    private static final char NUL = '\u0000';

    private StorableEvent() {
    }

    static MmscEvent of(MmscEvent e) {
        identifier("messageId", e.messageId());
        identifier("mmsc", e.mmsc());
        if (!StorableTime.holds(OffsetDateTime.parse(e.at()))) {
            throw new Invalid(StorableTime.refusal("at") + ", is " + MmscEventReader.abbreviate(e.at()));
        }
        if (!hasNul(e.subject()) && e.parts().stream().noneMatch(p -> hasNul(p.contentType()) || hasNul(p.name()))) {
            return e;
        }
        List<MmscEvent.Part> parts = new ArrayList<>(e.parts().size());
        for (MmscEvent.Part p : e.parts()) {
            parts.add(new MmscEvent.Part(dropNul(p.contentType()), dropNul(p.name()), p.data()));
        }
        return new MmscEvent(e.type(), e.mmsc(), e.messageId(), e.from(), e.to(), e.at(), dropNul(e.subject()), parts,
                e.status());
    }

    private static void identifier(String field, String value) {
        if (hasNul(value)) {
            throw new Invalid(field + ": contains a NUL character (U+0000)");
        }
    }

    private static boolean hasNul(String s) {
        return s != null && s.indexOf(NUL) >= 0;
    }

    private static String dropNul(String s) {
        return s == null ? null : s.replace(String.valueOf(NUL), "");
    }
}
