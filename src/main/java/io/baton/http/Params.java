package io.baton.http;

import io.baton.common.Msisdn;
import io.baton.common.MsisdnFormatException;

/** Query and path parameters read once, with a 400 problem naming the parameter when wrong. */
public final class Params {
    private Params() {
    }

    public static String msisdn(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "query parameter " + name + " (an MSISDN) is required");
        }
        try {
            return Msisdn.parse(raw).digits();
        } catch (MsisdnFormatException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, name + ": not an MSISDN: " + e.getMessage());
        }
    }

    public static int limit(Integer raw, int dflt, int max) {
        if (raw == null) {
            return dflt;
        }
        if (raw < 1 || raw > max) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "limit must be between 1 and " + max);
        }
        return raw;
    }
}
