package io.baton.mms.mm7;

import java.util.List;

/** The MM7 operations Baton reads and writes, one record per SOAP body element. */
public sealed interface Mm7Message {

    Mm7Header header();

    /** The element name of the operation ({@code SubmitReq}, ..., {@code Fault} for a SOAP fault). */
    String operation();

    /** A recipient of a SubmitReq or DeliverReq, under {@code To}, {@code Cc} or {@code Bcc}. */
    record Recipient(String field, Mm7Address address) {
    }

    /** VASP → MMSC: send a message. */
    record SubmitReq(Mm7Header header, String vaspId, String vasId, Mm7Address senderAddress,
            List<Recipient> recipients, String serviceCode, String linkedId, boolean deliveryReport, String subject,
            String timeStamp, String contentHref, List<Mm7Part> content) implements Mm7Message {
        public SubmitReq {
            recipients = List.copyOf(recipients);
            content = List.copyOf(content);
        }

        @Override
        public String operation() {
            return "SubmitReq";
        }
    }

    /** MMSC → VASP: the answer to a SubmitReq, with the MMSC's MessageID on success. */
    record SubmitRsp(Mm7Header header, Mm7Status status, String messageId) implements Mm7Message {
        @Override
        public String operation() {
            return "SubmitRsp";
        }
    }

    /** MMSC → VASP: a message a subscriber sent to the VASP's short code (MO MMS). */
    record DeliverReq(Mm7Header header, String vaspId, String vasId, String relayServerId, String linkedId,
            Mm7Address sender, List<Recipient> recipients, String timeStamp, String priority, String subject,
            String contentHref, List<Mm7Part> content) implements Mm7Message {
        public DeliverReq {
            recipients = List.copyOf(recipients);
            content = List.copyOf(content);
        }

        @Override
        public String operation() {
            return "DeliverReq";
        }
    }

    record DeliverRsp(Mm7Header header, Mm7Status status, String serviceCode) implements Mm7Message {
        @Override
        public String operation() {
            return "DeliverRsp";
        }
    }

    /** MMSC → VASP: what became of a submitted message at one recipient ({@code MMStatus}). */
    record DeliveryReportReq(Mm7Header header, String messageId, Mm7Address recipient, Mm7Address sender,
            String date, String mmStatus, String statusText) implements Mm7Message {
        @Override
        public String operation() {
            return "DeliveryReportReq";
        }
    }

    record DeliveryReportRsp(Mm7Header header, Mm7Status status) implements Mm7Message {
        @Override
        public String operation() {
            return "DeliveryReportRsp";
        }
    }

    /** MMSC → VASP: a recipient read (or deleted unread) a submitted message ({@code MMStatus} Read/Deleted). */
    record ReadReplyReq(Mm7Header header, String messageId, Mm7Address recipient, Mm7Address sender, String date,
            String mmStatus, String statusText) implements Mm7Message {
        @Override
        public String operation() {
            return "ReadReplyReq";
        }
    }

    record ReadReplyRsp(Mm7Header header, Mm7Status status) implements Mm7Message {
        @Override
        public String operation() {
            return "ReadReplyRsp";
        }
    }

    /**
     * A SOAP Fault; {@code status} comes from the RSErrorRsp (or VASPErrorRsp) in its detail, null when
     * the detail has none.
     */
    record Fault(Mm7Header header, String faultCode, String faultString, String errorElement, Mm7Status status)
            implements Mm7Message {
        @Override
        public String operation() {
            return "Fault";
        }
    }
}
