package io.baton.mms;

import static io.baton.mms.MmsHeaderField.BCC;
import static io.baton.mms.MmsHeaderField.CC;
import static io.baton.mms.MmsHeaderField.CONTENT_LOCATION;
import static io.baton.mms.MmsHeaderField.CONTENT_TYPE;
import static io.baton.mms.MmsHeaderField.DATE;
import static io.baton.mms.MmsHeaderField.DELIVERY_REPORT;
import static io.baton.mms.MmsHeaderField.DELIVERY_TIME;
import static io.baton.mms.MmsHeaderField.EXPIRY;
import static io.baton.mms.MmsHeaderField.FROM;
import static io.baton.mms.MmsHeaderField.MESSAGE_CLASS;
import static io.baton.mms.MmsHeaderField.MESSAGE_ID;
import static io.baton.mms.MmsHeaderField.MESSAGE_SIZE;
import static io.baton.mms.MmsHeaderField.MMS_VERSION;
import static io.baton.mms.MmsHeaderField.PRIORITY;
import static io.baton.mms.MmsHeaderField.READ_REPORT;
import static io.baton.mms.MmsHeaderField.READ_STATUS;
import static io.baton.mms.MmsHeaderField.REPORT_ALLOWED;
import static io.baton.mms.MmsHeaderField.RESPONSE_STATUS;
import static io.baton.mms.MmsHeaderField.RESPONSE_TEXT;
import static io.baton.mms.MmsHeaderField.RETRIEVE_STATUS;
import static io.baton.mms.MmsHeaderField.RETRIEVE_TEXT;
import static io.baton.mms.MmsHeaderField.SENDER_VISIBILITY;
import static io.baton.mms.MmsHeaderField.STATUS;
import static io.baton.mms.MmsHeaderField.SUBJECT;
import static io.baton.mms.MmsHeaderField.TO;
import static io.baton.mms.MmsHeaderField.TRANSACTION_ID;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the decoded header list into the record of its message type: the fields the spec gives
 * that type fill typed components (first occurrence wins), everything else becomes an extra header.
 */
final class MmsPduAssembler {

    private static final Map<MmsMessageType, Set<MmsHeaderField>> TYPED = new EnumMap<>(MmsMessageType.class);

    static {
        TYPED.put(MmsMessageType.M_SEND_REQ, EnumSet.of(TRANSACTION_ID, MMS_VERSION, DATE, FROM, TO, CC, BCC, SUBJECT,
                MESSAGE_CLASS, EXPIRY, DELIVERY_TIME, PRIORITY, SENDER_VISIBILITY, DELIVERY_REPORT, READ_REPORT,
                CONTENT_TYPE));
        TYPED.put(MmsMessageType.M_SEND_CONF, EnumSet.of(TRANSACTION_ID, MMS_VERSION, RESPONSE_STATUS, RESPONSE_TEXT,
                MESSAGE_ID));
        TYPED.put(MmsMessageType.M_NOTIFICATION_IND, EnumSet.of(TRANSACTION_ID, MMS_VERSION, FROM, SUBJECT,
                MESSAGE_CLASS, MESSAGE_SIZE, EXPIRY, CONTENT_LOCATION, DELIVERY_REPORT, PRIORITY));
        TYPED.put(MmsMessageType.M_NOTIFYRESP_IND, EnumSet.of(TRANSACTION_ID, MMS_VERSION, STATUS, REPORT_ALLOWED));
        TYPED.put(MmsMessageType.M_RETRIEVE_CONF, EnumSet.of(TRANSACTION_ID, MMS_VERSION, MESSAGE_ID, DATE, FROM, TO,
                CC, SUBJECT, MESSAGE_CLASS, PRIORITY, DELIVERY_REPORT, READ_REPORT, RETRIEVE_STATUS, RETRIEVE_TEXT,
                CONTENT_TYPE));
        TYPED.put(MmsMessageType.M_ACKNOWLEDGE_IND, EnumSet.of(TRANSACTION_ID, MMS_VERSION, REPORT_ALLOWED));
        TYPED.put(MmsMessageType.M_DELIVERY_IND, EnumSet.of(MMS_VERSION, MESSAGE_ID, TO, DATE, STATUS));
        TYPED.put(MmsMessageType.M_READ_REC_IND, EnumSet.of(MMS_VERSION, MESSAGE_ID, TO, FROM, DATE, READ_STATUS));
        TYPED.put(MmsMessageType.M_READ_ORIG_IND, EnumSet.of(MMS_VERSION, MESSAGE_ID, TO, FROM, DATE, READ_STATUS));
    }

    private static final Set<MmsHeaderField> LISTS = EnumSet.of(TO, CC, BCC);

    private final Map<MmsHeaderField, Object> single = new EnumMap<>(MmsHeaderField.class);
    private final Map<MmsHeaderField, List<String>> lists = new EnumMap<>(MmsHeaderField.class);
    private final List<MmsHeader> extra = new ArrayList<>();

    private MmsPduAssembler() {
    }

    static MmsPdu assemble(MmsMessageType type, List<MmsHeader> headers, List<Integer> offsets, MmsBody body,
            List<MmsQuirk> quirks) {
        Set<MmsHeaderField> typed = TYPED.get(type);
        MmsPduAssembler a = new MmsPduAssembler();
        for (int i = 1; i < headers.size(); i++) {
            MmsHeader h = headers.get(i);
            MmsHeaderField field = h.isApplicationHeader() ? null : MmsHeaderField.fromCode(h.code());
            if (field == null || !typed.contains(field)) {
                if (field == MmsHeaderField.MESSAGE_TYPE) {
                    quirks.add(new MmsQuirk(MmsQuirk.Kind.DUPLICATE_HEADER, offsets.get(i), h.name()));
                }
                a.extra.add(h);
            } else if (LISTS.contains(field)) {
                a.lists.computeIfAbsent(field, f -> new ArrayList<>()).add(((MmsEncodedString) h.value()).text());
            } else if (a.single.containsKey(field)) {
                quirks.add(new MmsQuirk(MmsQuirk.Kind.DUPLICATE_HEADER, offsets.get(i), h.name()));
                a.extra.add(h);
            } else {
                a.single.put(field, h.value());
            }
        }
        if (!a.single.containsKey(MMS_VERSION)) {
            quirks.add(new MmsQuirk(MmsQuirk.Kind.MISSING_MMS_VERSION, 0, MMS_VERSION.specName()));
            a.single.put(MMS_VERSION, "1.0");
        }
        return a.build(type, body);
    }

    private MmsPdu build(MmsMessageType type, MmsBody body) {
        switch (type) {
            case M_SEND_REQ:
                return new MmsSendReq(text(TRANSACTION_ID), text(MMS_VERSION), date(), text(FROM), list(TO), list(CC),
                        list(BCC), encoded(SUBJECT), text(MESSAGE_CLASS), time(EXPIRY), time(DELIVERY_TIME),
                        (MmsPriority) single.get(PRIORITY), (MmsSenderVisibility) single.get(SENDER_VISIBILITY),
                        bool(DELIVERY_REPORT), bool(READ_REPORT), body, extra);
            case M_SEND_CONF:
                return new MmsSendConf(text(TRANSACTION_ID), text(MMS_VERSION),
                        (MmsResponseStatus) single.get(RESPONSE_STATUS), encoded(RESPONSE_TEXT), text(MESSAGE_ID), extra);
            case M_NOTIFICATION_IND:
                return new MmsNotificationInd(text(TRANSACTION_ID), text(MMS_VERSION), text(FROM), encoded(SUBJECT),
                        text(MESSAGE_CLASS), (Long) single.get(MESSAGE_SIZE), time(EXPIRY), text(CONTENT_LOCATION),
                        bool(DELIVERY_REPORT), (MmsPriority) single.get(PRIORITY), extra);
            case M_NOTIFYRESP_IND:
                return new MmsNotifyRespInd(text(TRANSACTION_ID), text(MMS_VERSION), (MmsStatus) single.get(STATUS),
                        bool(REPORT_ALLOWED), extra);
            case M_RETRIEVE_CONF:
                return new MmsRetrieveConf(text(TRANSACTION_ID), text(MMS_VERSION), text(MESSAGE_ID), date(),
                        text(FROM), list(TO), list(CC), encoded(SUBJECT), text(MESSAGE_CLASS),
                        (MmsPriority) single.get(PRIORITY), bool(DELIVERY_REPORT), bool(READ_REPORT),
                        (MmsRetrieveStatus) single.get(RETRIEVE_STATUS), encoded(RETRIEVE_TEXT), body, extra);
            case M_ACKNOWLEDGE_IND:
                return new MmsAcknowledgeInd(text(TRANSACTION_ID), text(MMS_VERSION), bool(REPORT_ALLOWED), extra);
            case M_DELIVERY_IND:
                return new MmsDeliveryInd(text(MMS_VERSION), text(MESSAGE_ID), list(TO), date(),
                        (MmsStatus) single.get(STATUS), extra);
            case M_READ_REC_IND:
                return new MmsReadRecInd(text(MMS_VERSION), text(MESSAGE_ID), list(TO), text(FROM), date(),
                        (MmsReadStatus) single.get(READ_STATUS), extra);
            case M_READ_ORIG_IND:
                return new MmsReadOrigInd(text(MMS_VERSION), text(MESSAGE_ID), list(TO), text(FROM), date(),
                        (MmsReadStatus) single.get(READ_STATUS), extra);
            default:
                throw new MmsCodecException(1, "X-Mms-Message-Type", "unsupported message type " + type.specName());
        }
    }

    private String text(MmsHeaderField field) {
        return (String) single.get(field);
    }

    private MmsEncodedString encoded(MmsHeaderField field) {
        return (MmsEncodedString) single.get(field);
    }

    private MmsTimeValue time(MmsHeaderField field) {
        return (MmsTimeValue) single.get(field);
    }

    private Boolean bool(MmsHeaderField field) {
        return (Boolean) single.get(field);
    }

    private Instant date() {
        return (Instant) single.get(DATE);
    }

    private List<String> list(MmsHeaderField field) {
        return lists.getOrDefault(field, List.of());
    }
}
