package io.baton.mms.mime;

/**
 * MM4_read_reply_report.REQ: the recipient read (or deleted unread) a message. Crediting counts
 * deliveries, not readings, so Baton only counts these; kept as a type so that the count is honest
 * and a later use does not need another parser.
 *
 * @param readStatus X-Mms-Read-Status as given ({@code Read}, {@code Deleted without being read}); null when absent
 */
public record Mm4ReadReplyReport(String messageId, String readStatus) implements Mm4Record {

    public static final String TYPE = "MM4_read_reply_report.REQ";

    @Override
    public String messageType() {
        return TYPE;
    }
}
