package io.baton.mms.mime;

/**
 * An MM4 request Baton reads (3GPP TS 23.140 §8.4): a forwarded message, a delivery report or a
 * read-reply report. Responses (MM4_*.RES) acknowledge transport between MMSCs and say nothing of
 * subscribers: {@link Mm4Reader} refuses them.
 */
public sealed interface Mm4Record permits Mm4Forward, Mm4DeliveryReport, Mm4ReadReplyReport {

    /** X-Mms-Message-ID: the MMS message id (of the forwarded message, or of the original a report is about). */
    String messageId();

    /** The X-Mms-Message-Type as the spec spells it, e.g. {@code MM4_forward.REQ}. */
    String messageType();
}
