package io.baton.recognition.domain.text;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

import com.ibm.icu.text.Transliterator;

/** What handsets and people do to a forwarded text, one named edit at a time, and combined. */
public final class HandsetEdits {

    public record Edit(String name, BiFunction<String, Random, String> apply) {
        public Edit then(Edit next) {
            return new Edit(name + " + " + next.name, (s, r) -> next.apply.apply(apply.apply(s, r), r));
        }
    }

    private static final Transliterator TO_TRADITIONAL = Transliterator.getInstance("Simplified-Traditional");

    public static final List<String> PREFIXES = List.of("Fwd: ", "FW: ", "Fw:", "转发：", "转发:", "转：", "转:", "[转]", "【转发】",
            "Re: ", "轉發：", "ＦＷＤ：");
    public static final List<String> GREETINGS = List.of("my friend says: ", "你好，看看这个：", "Hi! ", "朋友说：", "看看这个 ",
            "Hello, check this out: ", "您好！", "My friend said:\n");
    public static final List<String> SIGNATURES = List.of("\n—— 来自我的诺基亚", "\nSent from my iPhone", " 发自我的华为手机",
            "\n--\nSent from my Samsung Galaxy", "（来自我的小米手机）", "\n发自我的iPhone");
    static final String[] EMOJI = { "😀", "🔥", "👍", "🎉", "❤️", "🏃‍♂️", "🇨🇳", "✨", "🙏🏻", "1️⃣" };

    public static final Edit NONE = new Edit("unchanged", (s, r) -> s);
    public static final Edit PREFIX = new Edit("forward prefixes",
            (s, r) -> pick(PREFIXES, r) + (r.nextBoolean() ? pick(PREFIXES, r) : "") + s);
    public static final Edit GREETING = new Edit("greeting", (s, r) -> pick(GREETINGS, r) + s);
    public static final Edit SIGNATURE = new Edit("signature", (s, r) -> s + pick(SIGNATURES, r));
    public static final Edit TRADITIONAL = new Edit("traditional Chinese", (s, r) -> TO_TRADITIONAL.transliterate(s));
    public static final Edit FULL_WIDTH = new Edit("full-width", (s, r) -> fullWidth(s));
    public static final Edit PUNCTUATION = new Edit("punctuation and spacing", HandsetEdits::punctuation);
    public static final Edit TRUNCATE_80 = new Edit("truncated to 80%", (s, r) -> truncate(s, 0.8));
    public static final Edit TRUNCATE_60 = new Edit("truncated to 60%", (s, r) -> truncate(s, 0.6));
    public static final Edit EMOJI_ADDED = new Edit("emoji added", HandsetEdits::emoji);
    public static final Edit REENCODED = new Edit("re-encoded GB2312 (emoji to ?)", (s, r) -> roundTrip(emoji(s, r), "GB2312"));
    public static final Edit BIG5 = new Edit("traditional re-encoded Big5", (s, r) -> roundTrip(TO_TRADITIONAL.transliterate(s), "Big5"));
    public static final Edit EDITS_1 = edits(0.01);
    public static final Edit EDITS_3 = edits(0.03);
    public static final Edit EDITS_5 = edits(0.05);

    public static List<Edit> all() {
        return List.of(NONE, PREFIX, GREETING, SIGNATURE, TRADITIONAL, FULL_WIDTH, PUNCTUATION, TRUNCATE_80, TRUNCATE_60,
                EMOJI_ADDED, REENCODED, BIG5, EDITS_1, EDITS_3, EDITS_5,
                PREFIX.then(GREETING).then(SIGNATURE),
                TRADITIONAL.then(FULL_WIDTH).then(PUNCTUATION),
                PREFIX.then(GREETING).then(TRADITIONAL).then(SIGNATURE).then(EMOJI_ADDED),
                TRUNCATE_80.then(EDITS_3),
                TRUNCATE_60.then(PREFIX).then(SIGNATURE),
                TRADITIONAL.then(TRUNCATE_80).then(EDITS_1),
                PREFIX.then(EDITS_5).then(SIGNATURE).then(EMOJI_ADDED),
                FULL_WIDTH.then(PUNCTUATION).then(EDITS_3).then(GREETING));
    }

    static String pick(List<String> options, Random r) {
        return options.get(r.nextInt(options.size()));
    }

    public static String fullWidth(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp == ' ') {
                out.append('\u3000');
            } else if (cp > ' ' && cp < 0x7f) {
                out.appendCodePoint(cp - 0x21 + 0xFF01);
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    static String punctuation(String s, Random r) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            String c = switch (cp) {
                case '，' -> r.nextBoolean() ? ", " : " ";
                case '。' -> r.nextBoolean() ? "." : "~~";
                case '！' -> "!!!";
                case '：' -> ":";
                case ',' -> r.nextBoolean() ? "，" : " ,";
                case '.' -> r.nextBoolean() ? "。" : "...";
                case '!' -> "！";
                case ' ' -> r.nextInt(4) == 0 ? "\n" : r.nextBoolean() ? "  " : " ";
                default -> new String(Character.toChars(cp));
            };
            out.append(c);
            if (r.nextInt(25) == 0) {
                out.append(r.nextBoolean() ? " " : "\n");
            }
        });
        return out.toString();
    }

    public static String truncate(String s, double share) {
        int keep = (int) Math.round(s.codePointCount(0, s.length()) * share);
        return s.substring(0, s.offsetByCodePoints(0, keep));
    }

    static String emoji(String s, Random r) {
        StringBuilder out = new StringBuilder(s);
        int count = 1 + r.nextInt(4);
        for (int i = 0; i < count; i++) {
            int at = out.offsetByCodePoints(0, r.nextInt(out.codePointCount(0, out.length()) + 1));
            out.insert(at, EMOJI[r.nextInt(EMOJI.length)]);
        }
        return out.toString();
    }

    static String roundTrip(String s, String charset) {
        return new String(s.getBytes(Charset.forName(charset)), Charset.forName(charset));
    }

    /** Random substitutions, insertions and deletions of a share of the characters. */
    static Edit edits(double rate) {
        return new Edit("random edits " + Math.round(rate * 100) + "%", (s, r) -> {
            int[] cps = s.codePoints().toArray();
            int n = Math.max(1, (int) Math.round(cps.length * rate));
            StringBuilder out = new StringBuilder();
            java.util.Set<Integer> at = new java.util.HashSet<>();
            while (at.size() < n) {
                at.add(r.nextInt(cps.length));
            }
            for (int i = 0; i < cps.length; i++) {
                if (!at.contains(i)) {
                    out.appendCodePoint(cps[i]);
                    continue;
                }
                int kind = r.nextInt(3);
                if (kind == 0) {
                    out.appendCodePoint(randomLike(cps[i], r));
                } else if (kind == 1) {
                    out.appendCodePoint(cps[i]).appendCodePoint(randomLike(cps[i], r));
                }
            }
            return out.toString();
        });
    }

    static int randomLike(int cp, Random r) {
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
            return 0x4E00 + r.nextInt(0x9FA5 - 0x4E00);
        }
        return 'a' + r.nextInt(26);
    }
}
