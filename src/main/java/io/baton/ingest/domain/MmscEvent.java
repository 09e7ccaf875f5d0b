package io.baton.ingest.domain;

import java.util.List;

/**
 * One MMSC record as it travels on Kafka topic {@code mmsc-events}: validated and normalised
 * (MSISDNs as digits, times as ISO-8601 with offset, statuses in lower case).
 *
 * @param type {@code submit} or {@code delivery}
 * @param to recipients of a submit; the single recipient of a delivery
 */
public record MmscEvent(String type, String mmsc, String messageId, String from, List<String> to, String at,
        String subject, List<Part> parts, String status) {

    public static final String SUBMIT = "submit";
    public static final String DELIVERY = "delivery";

    public MmscEvent {
        to = to == null ? List.of() : List.copyOf(to);
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    public boolean isSubmit() {
        return SUBMIT.equals(type);
    }

    /** Kafka key: the sender for a submit (ARCHITECTURE 1); a delivery has no sender, so its message id. */
    public String key() {
        return isSubmit() ? from : messageId;
    }

    /** A content part; {@code data} is base64. */
    public record Part(String contentType, String name, String data) {
    }
}
