package io.baton.common;

import java.time.OffsetDateTime;

/**
 * The times Baton stores: years 1970 to 9999. Earlier is a handset clock that was never set (and
 * before any MMS), later cannot be written as an ISO-8601 date PostgreSQL parses ({@code +10000-…}).
 */
public final class StorableTime {

    public static final int FIRST_YEAR = 1970;
    public static final int LAST_YEAR = 9999;

    private StorableTime() {
    }

    public static boolean holds(OffsetDateTime t) {
        return t.getYear() >= FIRST_YEAR && t.getYear() <= LAST_YEAR;
    }

    /** The reason a field's time is refused, for a rejection or a 400. */
    public static String refusal(String field) {
        return field + ": outside the years Baton stores (" + FIRST_YEAR + " to " + LAST_YEAR + ")";
    }
}
