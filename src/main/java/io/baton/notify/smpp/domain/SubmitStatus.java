package io.baton.notify.smpp.domain;

import java.util.Map;

/**
 * What a negative submit_sm_resp {@code command_status} means for a notice (SMPP 3.4 section
 * 5.1.3): a transient refusal is retried later with the same content, anything else is permanent
 * and the notice ends {@code failed} with the status as its reason.
 */
public final class SubmitStatus {

    /** Statuses that say "not now" rather than "never". */
    private static final Map<Integer, String> TRANSIENT = Map.of(
            0x08, "ESME_RSYSERR",
            0x14, "ESME_RMSGQFUL",
            0x45, "ESME_RSUBMITFAIL",
            0x58, "ESME_RTHROTTLED",
            0x64, "ESME_RX_T_APPN",
            0x04, "ESME_RINVBNDSTS");
    private static final Map<Integer, String> PERMANENT = Map.of(
            0x01, "ESME_RINVMSGLEN",
            0x0A, "ESME_RINVSRCADR",
            0x0B, "ESME_RINVDSTADR",
            0x0D, "ESME_RBINDFAIL",
            0x33, "ESME_RINVNUMDESTS",
            0x48, "ESME_RINVSRCTON",
            0x50, "ESME_RINVDSTTON",
            0x65, "ESME_RX_P_APPN",
            0x66, "ESME_RX_R_APPN");

    private SubmitStatus() {
    }

    public static boolean isTransient(int commandStatus) {
        return TRANSIENT.containsKey(commandStatus);
    }

    /** The spec name and hex value, e.g. {@code ESME_RTHROTTLED(0x58)}. */
    public static String name(int commandStatus) {
        String name = TRANSIENT.getOrDefault(commandStatus, PERMANENT.getOrDefault(commandStatus, "ESME_STATUS"));
        return name + "(0x" + Integer.toHexString(commandStatus) + ")";
    }
}
