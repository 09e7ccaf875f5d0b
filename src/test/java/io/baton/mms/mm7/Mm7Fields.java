package io.baton.mms.mm7;

import java.util.List;

/** The decoded value of a field as {@code expected.jsonl} of the MM7 corpus names it. */
final class Mm7Fields {

    private Mm7Fields() {
    }

    static Object of(Mm7Message m, String key) {
        Mm7Header h = m.header();
        return switch (key) {
            case "mm7_namespace" -> h.namespace();
            case "MM7Version" -> h.mm7Version();
            case "transaction_id" -> h.transactionId();
            case "transaction_id_namespace" -> h.transactionIdNamespace();
            case "StatusCode" -> String.valueOf(status(m).code());
            case "StatusText" -> m instanceof Mm7Message.DeliveryReportReq r ? r.statusText() : status(m).text();
            case "MessageID" -> m instanceof Mm7Message.SubmitRsp r ? r.messageId()
                    : ((Mm7Message.DeliveryReportReq) m).messageId();
            case "MMStatus" -> ((Mm7Message.DeliveryReportReq) m).mmStatus();
            case "Date" -> ((Mm7Message.DeliveryReportReq) m).date();
            case "sender" -> sender(m);
            case "recipients" -> recipients(m);
            default -> message(m, key);
        };
    }

    private static Object message(Mm7Message m, String key) {
        if (m instanceof Mm7Message.SubmitReq s) {
            return switch (key) {
                case "Subject" -> s.subject();
                case "VASPID" -> s.vaspId();
                case "VASID" -> s.vasId();
                case "TimeStamp" -> s.timeStamp();
                case "content_href" -> s.contentHref();
                default -> throw new AssertionError("no field " + key + " in SubmitReq");
            };
        }
        Mm7Message.DeliverReq d = (Mm7Message.DeliverReq) m;
        return switch (key) {
            case "Subject" -> d.subject();
            case "VASPID" -> d.vaspId();
            case "VASID" -> d.vasId();
            case "MMSRelayServerID" -> d.relayServerId();
            case "LinkedID" -> d.linkedId();
            case "Priority" -> d.priority();
            case "TimeStamp" -> d.timeStamp();
            case "content_href" -> d.contentHref();
            default -> throw new AssertionError("no field " + key + " in DeliverReq");
        };
    }

    private static Mm7Status status(Mm7Message m) {
        if (m instanceof Mm7Message.SubmitRsp r) {
            return r.status();
        } else if (m instanceof Mm7Message.DeliverRsp r) {
            return r.status();
        } else if (m instanceof Mm7Message.DeliveryReportRsp r) {
            return r.status();
        } else if (m instanceof Mm7Message.ReadReplyRsp r) {
            return r.status();
        } else if (m instanceof Mm7Message.Fault f) {
            return f.status();
        }
        throw new AssertionError(m.operation() + " has no Status");
    }

    private static String sender(Mm7Message m) {
        Mm7Address a = m instanceof Mm7Message.SubmitReq s ? s.senderAddress()
                : m instanceof Mm7Message.DeliverReq d ? d.sender() : ((Mm7Message.DeliveryReportReq) m).sender();
        return a == null ? null : a.value();
    }

    private static List<String> recipients(Mm7Message m) {
        List<Mm7Message.Recipient> rs = m instanceof Mm7Message.SubmitReq s ? s.recipients()
                : m instanceof Mm7Message.DeliverReq d ? d.recipients() : null;
        if (rs == null) {
            Mm7Address a = ((Mm7Message.DeliveryReportReq) m).recipient();
            return List.of(a.kind().element() + ":" + a.value());
        }
        return rs.stream().map(r -> r.address().kind().element() + ":" + r.address().value()).toList();
    }
}
