package io.baton.notify.smpp.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMSC delivery receipt as carried in a deliver_sm's text (SMPP 3.4 Appendix B:
 * {@code id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD
 * err:E text:...}). SMSCs vary the case, spacing and order of the fields; only {@code id} and
 * {@code stat} are needed, and the id may also come in the receipted_message_id TLV.
 */
public record DeliveryReceipt(String messageId, Status status, String error) {

    /** The {@code stat} values of SMPP 3.4 Appendix B, with what each means for a notice. */
    public enum Status {
        DELIVRD(Outcome.DELIVERED), EXPIRED(Outcome.UNDELIVERABLE), DELETED(Outcome.UNDELIVERABLE),
        UNDELIV(Outcome.UNDELIVERABLE), ACCEPTD(Outcome.PENDING), UNKNOWN(Outcome.PENDING),
        REJECTD(Outcome.UNDELIVERABLE), ENROUTE(Outcome.PENDING);

        private final Outcome outcome;

        Status(Outcome outcome) {
            this.outcome = outcome;
        }

        public Outcome outcome() {
            return outcome;
        }

        /**
         * The status named by a receipt ({@code DELIVRD}, also the spelled-out forms some SMSCs
         * use, e.g. {@code DELIVERED}, {@code ACCEPTED}, {@code REJECTED}), or by the message_state
         * TLV value (1-8, SMPP 3.4 section 5.2.28).
         */
        public static Optional<Status> parse(String stat) {
            String s = stat.trim().toUpperCase(Locale.ROOT);
            return Optional.ofNullable(switch (s) {
                case "DELIVRD", "DELIVERED", "2" -> DELIVRD;
                case "EXPIRED", "3" -> EXPIRED;
                case "DELETED", "4" -> DELETED;
                case "UNDELIV", "UNDELIVERABLE", "5" -> UNDELIV;
                case "ACCEPTD", "ACCEPTED", "6" -> ACCEPTD;
                case "UNKNOWN", "7" -> UNKNOWN;
                case "REJECTD", "REJECTED", "8" -> REJECTD;
                case "ENROUTE", "1" -> ENROUTE;
                default -> null;
            });
        }
    }

    /** What a receipt does to a notice: final delivered, final undeliverable, or nothing yet. */
    public enum Outcome {
        DELIVERED, UNDELIVERABLE, PENDING
    }

    private static final Pattern ID = Pattern.compile("(?i)(?:^|\\s)id:\\s*([^\\s]+)");
    private static final Pattern STAT = Pattern.compile("(?i)(?:^|\\s)stat:\\s*([A-Za-z0-9]+)");
    private static final Pattern ERR = Pattern.compile("(?i)(?:^|\\s)err:\\s*([^\\s]+)");
    /** Receipt text longer than this is not a receipt (the short_message field holds 254 octets). */
    private static final int MAX_TEXT = 1024;

    /**
     * Reads a receipt from its text; {@code tlvId} and {@code tlvState} (receipted_message_id,
     * message_state; may be null) win over the text when present, as SMPP 3.4 section 2.11 says.
     */
    public static Optional<DeliveryReceipt> parse(String text, String tlvId, String tlvState) {
        String body = text == null ? "" : text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        String id = present(tlvId) ? tlvId.trim() : group(ID, body);
        Optional<Status> status = present(tlvState) ? Status.parse(tlvState) : Optional.empty();
        if (status.isEmpty()) {
            String stat = group(STAT, body);
            status = stat == null ? Optional.empty() : Status.parse(stat);
        }
        if (id == null || status.isEmpty()) {
            return Optional.empty();
        }
        String err = group(ERR, body);
        return Optional.of(new DeliveryReceipt(id, status.get(), err == null ? "" : err));
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
