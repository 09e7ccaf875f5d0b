package io.baton.mms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random PDUs of every type for the round-trip property: random headers, subjects in the charsets
 * Chinese handsets use (UTF-8, GB2312, GBK, GB18030, UCS-2) and others, multipart bodies with random
 * octets. Texts avoid only what the wire cannot carry (NUL, a leading DEL or byte order mark).
 */
final class RandomMmsPdus {

    private static final String HANZI = "你好中文转发朋友大奖新年快乐短信彩信图片活动恭喜发财春节谢谢北京上海广州深圳";
    private static final String CYRILLIC = "ПриветмирЁё";
    private static final String LATIN1 = "ÀÉÎÕÜßàéîõüÿ¥£©";
    private static final String ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.:/+=?@<>\"'!";
    private static final String[] EMOJI = { "😀", "🎉", "🧧" };
    private static final String[] ANY_CHARSETS = { null, "utf-8", "gb18030", "iso-10646-ucs-2", "utf-16", "mib-3000" };
    private static final String[] PART_TYPES = { "image/jpeg", "image/gif", "text/plain", "application/smil",
        "audio/amr", "video/3gpp", "text/x-vCard", "application/octet-stream", "image/png" };
    private static final String[] MULTIPART = { "application/vnd.wap.multipart.related",
        "application/vnd.wap.multipart.mixed", "application/vnd.wap.multipart.alternative" };
    private static final String[] VERSIONS = { "1.0", "1.1", "1.2", "1.3" };

    private RandomMmsPdus() {
    }

    static MmsPdu any(Random r) {
        switch (r.nextInt(9)) {
            case 0:
                return new MmsSendReq(text(r), version(r), maybe(r, RandomMmsPdus::date), from(r), addresses(r),
                        addresses(r), addresses(r), maybe(r, RandomMmsPdus::subject), messageClass(r),
                        maybe(r, RandomMmsPdus::time), maybe(r, RandomMmsPdus::time), pick(r, MmsPriority.values()),
                        pick(r, MmsSenderVisibility.values()), bool(r), bool(r), maybe(r, RandomMmsPdus::body),
                        extras(r));
            case 1:
                return new MmsSendConf(text(r), version(r), pick(r, MmsResponseStatus.values()),
                        maybe(r, RandomMmsPdus::subject), maybe(r, RandomMmsPdus::text), extras(r));
            case 2:
                return new MmsNotificationInd(text(r), version(r), from(r), maybe(r, RandomMmsPdus::subject),
                        messageClass(r), r.nextBoolean() ? null : (long) r.nextInt(Integer.MAX_VALUE),
                        maybe(r, RandomMmsPdus::time), maybe(r, RandomMmsPdus::text), bool(r),
                        pick(r, MmsPriority.values()), extras(r));
            case 3:
                return new MmsNotifyRespInd(text(r), version(r), pick(r, MmsStatus.values()), bool(r), extras(r));
            case 4:
                return new MmsRetrieveConf(maybe(r, RandomMmsPdus::text), version(r), maybe(r, RandomMmsPdus::text),
                        maybe(r, RandomMmsPdus::date), from(r), addresses(r), addresses(r),
                        maybe(r, RandomMmsPdus::subject), messageClass(r), pick(r, MmsPriority.values()), bool(r),
                        bool(r), pick(r, MmsRetrieveStatus.values()), maybe(r, RandomMmsPdus::subject),
                        maybe(r, RandomMmsPdus::body), extras(r));
            case 5:
                return new MmsAcknowledgeInd(text(r), version(r), bool(r), extras(r));
            case 6:
                return new MmsDeliveryInd(version(r), maybe(r, RandomMmsPdus::text), addresses(r),
                        maybe(r, RandomMmsPdus::date), pick(r, MmsStatus.values()), extras(r));
            case 7:
                return new MmsReadRecInd(version(r), maybe(r, RandomMmsPdus::text), addresses(r), from(r),
                        maybe(r, RandomMmsPdus::date), pick(r, MmsReadStatus.values()), extras(r));
            default:
                return new MmsReadOrigInd(version(r), maybe(r, RandomMmsPdus::text), addresses(r), from(r),
                        maybe(r, RandomMmsPdus::date), pick(r, MmsReadStatus.values()), extras(r));
        }
    }

    private static <T> T maybe(Random r, java.util.function.Function<Random, T> f) {
        return r.nextInt(4) == 0 ? null : f.apply(r);
    }

    private static <T> T pick(Random r, T[] values) {
        return r.nextInt(values.length + 1) == 0 ? null : values[r.nextInt(values.length)];
    }

    private static Boolean bool(Random r) {
        int i = r.nextInt(3);
        return i == 0 ? null : i == 1;
    }

    private static String version(Random r) {
        return VERSIONS[r.nextInt(VERSIONS.length)];
    }

    private static Instant date(Random r) {
        return Instant.ofEpochSecond(r.nextLong() >>> 31);
    }

    private static MmsTimeValue time(Random r) {
        return new MmsTimeValue(r.nextBoolean(), r.nextBoolean() ? r.nextInt(1_000_000) : r.nextLong() >>> 24);
    }

    static String chars(Random r, String pool, int max) {
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            s.append(pool.charAt(r.nextInt(pool.length())));
        }
        return s.toString();
    }

    private static String text(Random r) {
        return chars(r, ASCII, 40);
    }

    private static String unicode(Random r) {
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(30);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(5)) {
                case 0 -> s.append(chars(r, HANZI, 3));
                case 1 -> s.append(chars(r, CYRILLIC, 2));
                case 2 -> s.append(chars(r, LATIN1, 2));
                case 3 -> s.append(EMOJI[r.nextInt(EMOJI.length)]);
                default -> s.append(chars(r, ASCII, 4));
            }
        }
        return s.toString();
    }

    static MmsEncodedString subject(Random r) {
        switch (r.nextInt(8)) {
            case 0:
                return new MmsEncodedString(chars(r, HANZI + ASCII, 30), "gb2312");
            case 1:
                return new MmsEncodedString(chars(r, HANZI + ASCII, 30), "gbk");
            case 2:
                return new MmsEncodedString(chars(r, ASCII, 30), "us-ascii");
            case 3:
                return new MmsEncodedString(chars(r, LATIN1 + ASCII, 30), "iso-8859-1");
            default:
                return new MmsEncodedString(unicode(r), ANY_CHARSETS[r.nextInt(ANY_CHARSETS.length)]);
        }
    }

    private static String address(Random r) {
        switch (r.nextInt(4)) {
            case 0:
                return "user" + r.nextInt(1000) + "@example.cn";
            case 1:
                return chars(r, HANZI, 4) + "/TYPE=PLMN";
            default:
                return "+86139" + String.format("%08d", r.nextInt(100_000_000)) + "/TYPE=PLMN";
        }
    }

    private static List<String> addresses(Random r) {
        List<String> out = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            out.add(address(r));
        }
        return out;
    }

    private static String from(Random r) {
        int i = r.nextInt(3);
        return i == 0 ? null : i == 1 ? MmsPdu.INSERT_ADDRESS_TOKEN : address(r);
    }

    private static String messageClass(Random r) {
        int i = r.nextInt(6);
        return i == 0 ? null : i <= 4 ? MmsHeaderReader.MESSAGE_CLASSES[i - 1] : "X" + chars(r, "abcdefgh", 8);
    }

    private static List<MmsHeader> extras(Random r) {
        List<MmsHeader> out = new ArrayList<>();
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
            out.add(MmsHeader.application("X-" + chars(r, "ABCDEFGHabcdefgh-", 10), unicode(r)));
        }
        return out;
    }

    static MmsBody body(Random r) {
        if (r.nextInt(5) == 0) {
            Map<String, String> params = r.nextBoolean() ? Map.of() : Map.of("charset", "utf-8");
            return MmsBody.single(new MmsContentType("text/plain", params), bytes(r));
        }
        List<MmsPart> parts = new ArrayList<>();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            parts.add(part(r));
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (r.nextBoolean()) {
            params.put("start", "<" + chars(r, ASCII, 8) + ">");
            params.put("type", "application/smil");
        }
        return MmsBody.multipart(new MmsContentType(MULTIPART[r.nextInt(MULTIPART.length)], params), parts);
    }

    private static MmsPart part(Random r) {
        Map<String, String> params = new LinkedHashMap<>();
        if (r.nextBoolean()) {
            params.put("charset", new String[] { "utf-8", "us-ascii", "gb2312", "iso-10646-ucs-2", "*" }[r.nextInt(5)]);
        }
        if (r.nextBoolean()) {
            params.put("name", unicode(r));
        }
        if (r.nextInt(4) == 0) {
            params.put("x-" + chars(r, "abcdef", 5), chars(r, ASCII, 10));
        }
        MmsContentDisposition disposition = r.nextInt(3) != 0 ? null : new MmsContentDisposition(
                new String[] { "attachment", "inline", "form-data", "x-token" }[r.nextInt(4)],
                r.nextBoolean() ? Map.of() : Map.of("filename", unicode(r)));
        List<MmsHeader> extra = r.nextInt(3) == 0
                ? List.of(MmsHeader.application("Content-Transfer-Encoding", "base64")) : List.of();
        return new MmsPart(new MmsContentType(PART_TYPES[r.nextInt(PART_TYPES.length)], params),
                r.nextBoolean() ? null : "<" + chars(r, ASCII, 12) + ">",
                r.nextBoolean() ? null : unicode(r) + ".jpg", disposition, extra, bytes(r));
    }

    private static byte[] bytes(Random r) {
        byte[] data = new byte[r.nextInt(4) == 0 ? r.nextInt(5000) : r.nextInt(64)];
        r.nextBytes(data);
        return data;
    }
}
