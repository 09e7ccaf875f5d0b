package io.baton.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The MMS delivery statuses of X-Mms-Status (OMA-MMS-ENC), as they appear in MMSC records. */
public enum DeliveryStatus {
    EXPIRED, RETRIEVED, REJECTED, DEFERRED, UNRECOGNISED, INDETERMINATE, FORWARDED, UNREACHABLE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeliveryStatus> fromWire(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String n = s.strip().toUpperCase(Locale.ROOT);
        if (n.equals("UNRECOGNIZED")) {
            n = "UNRECOGNISED";
        }
        String name = n;
        return Arrays.stream(values()).filter(v -> v.name().equals(name)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(DeliveryStatus::wireName).toList());
    }
}
