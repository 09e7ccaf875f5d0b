package io.baton.mms;

import java.util.function.ToIntFunction;

/**
 * The lookup rule every MMS status value shares (X-Mms-Response-Status, X-Mms-Retrieve-Status):
 * a known code is itself; an unknown code in 0xC0–0xDF is a transient failure and in 0xE0–0xFF a
 * permanent one (OMA-MMS-ENC 7.3.48 and 7.3.50), so a newer MMSC's codes still mean something.
 */
final class StatusCodes {

    private StatusCodes() {
    }

    static <E> E fromCode(E[] values, ToIntFunction<E> code, int wire, E transientFailure, E permanentFailure) {
        for (E v : values) {
            if (code.applyAsInt(v) == wire) {
                return v;
            }
        }
        if (wire >= 0xC0 && wire <= 0xDF) {
            return transientFailure;
        }
        if (wire >= 0xE0 && wire <= 0xFF) {
            return permanentFailure;
        }
        return null;
    }
}
