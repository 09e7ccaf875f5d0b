package io.baton.mms;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One realistic PDU of each type, as Baton would build them; the fuzz corpus is their encoding. */
final class MmsPduFixtures {

    static final Instant DATE = Instant.parse("2026-11-29T18:00:00Z");
    static final String ALICE = "+8613905000001/TYPE=PLMN";
    static final String BOB = "+8613905000002/TYPE=PLMN";

    private MmsPduFixtures() {
    }

    static MmsBody campaignBody() {
        MmsPart smil = MmsPart.of(new MmsContentType("application/smil", ordered("charset", "utf-8", "name", "s.smil")),
                "<smil>", "s.smil", ("<smil><body><par dur=\"5000ms\"><img src=\"seed.jpg\"/><text src=\"t.txt\"/>"
                        + "</par></body></smil>").getBytes(StandardCharsets.UTF_8));
        MmsPart image = new MmsPart(new MmsContentType("image/jpeg", Map.of("name", "seed.jpg")), "<seed>", "seed.jpg",
                new MmsContentDisposition("attachment", Map.of("filename", "seed.jpg")),
                List.of(MmsHeader.application("X-Baton-Seed", "S-42")), new byte[] { (byte) 0xFF, (byte) 0xD8, 0x00, 0x7F });
        MmsPart text = MmsPart.of(new MmsContentType("text/plain", Map.of("charset", "gb2312")), "<t>", "t.txt",
                "转发给朋友赢大奖".getBytes(java.nio.charset.Charset.forName("GB2312")));
        return MmsBody.multipart(new MmsContentType("application/vnd.wap.multipart.related",
                ordered("start", "<smil>", "type", "application/smil")),
                List.of(smil, image, text));
    }

    /** Parameters in a fixed order: Map.of iterates differently from one JVM to the next. */
    static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static MmsSendReq sendReq() {
        return new MmsSendReq("baton-1", "1.2", DATE, MmsPdu.INSERT_ADDRESS_TOKEN, List.of(BOB), List.of(), List.of(),
                new MmsEncodedString("新年快乐", "utf-8"), "Personal", MmsTimeValue.after(Duration.ofDays(3)), null,
                MmsPriority.NORMAL, MmsSenderVisibility.SHOW, false, false, campaignBody(), List.of());
    }

    static MmsSendConf sendConf() {
        return new MmsSendConf("baton-1", "1.2", MmsResponseStatus.OK, null, "mid-1", List.of());
    }

    static MmsNotificationInd notificationInd() {
        return new MmsNotificationInd("baton-2", "1.2", ALICE, new MmsEncodedString("转发有礼", "gb2312"), "Personal",
                48_000L, MmsTimeValue.after(Duration.ofDays(7)), "http://mmsc.baton.io/m/2", true, MmsPriority.HIGH,
                List.of());
    }

    static MmsNotifyRespInd notifyRespInd() {
        return new MmsNotifyRespInd("baton-2", "1.2", MmsStatus.RETRIEVED, true, List.of());
    }

    static MmsRetrieveConf retrieveConf() {
        return new MmsRetrieveConf("baton-2", "1.2", "mid-2", DATE, ALICE, List.of(BOB), List.of(ALICE),
                new MmsEncodedString("转发有礼", "iso-10646-ucs-2"), "Personal", MmsPriority.NORMAL, false, true,
                MmsRetrieveStatus.OK, MmsEncodedString.of("Ok"), campaignBody(), List.of());
    }

    static MmsAcknowledgeInd acknowledgeInd() {
        return new MmsAcknowledgeInd("baton-2", "1.2", true, List.of());
    }

    static MmsDeliveryInd deliveryInd() {
        return new MmsDeliveryInd("1.2", "mid-1", List.of(BOB), DATE, MmsStatus.RETRIEVED, List.of());
    }

    static MmsReadRecInd readRecInd() {
        return new MmsReadRecInd("1.2", "mid-2", List.of(ALICE), BOB, DATE, MmsReadStatus.READ, List.of());
    }

    static MmsReadOrigInd readOrigInd() {
        return new MmsReadOrigInd("1.2", "mid-1", List.of(ALICE), BOB, DATE, MmsReadStatus.DELETED_WITHOUT_BEING_READ,
                List.of(MmsHeader.application("X-Baton-Campaign", "spring")));
    }

    /** File name in the fuzz corpus to PDU. */
    static Map<String, MmsPdu> all() {
        Map<String, MmsPdu> all = new LinkedHashMap<>();
        all.put("m-send-req.mms", sendReq());
        all.put("m-send-conf.mms", sendConf());
        all.put("m-notification-ind.mms", notificationInd());
        all.put("m-notifyresp-ind.mms", notifyRespInd());
        all.put("m-retrieve-conf.mms", retrieveConf());
        all.put("m-acknowledge-ind.mms", acknowledgeInd());
        all.put("m-delivery-ind.mms", deliveryInd());
        all.put("m-read-rec-ind.mms", readRecInd());
        all.put("m-read-orig-ind.mms", readOrigInd());
        return all;
    }
}
