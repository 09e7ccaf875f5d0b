package io.baton.recognition.domain.text;

import java.util.HashMap;
import java.util.Map;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;

/**
 * Traditional to simplified Chinese, one character at a time, from ICU's
 * {@code Traditional-Simplified} transliterator data.
 *
 * <p>Why a table and not the transliterator itself: measured on this machine the transliterator
 * takes about 86 µs for a 56-character text (135 µs for text that is already simplified), which
 * would be most of the cost of matching a message; ICU does not promise that a shared instance is
 * thread-safe (a 4-thread run of 800,000 calls gave no wrong output, but that is not a promise),
 * and a new instance costs about 120 µs. Probing each character of the transliterator's source set
 * once, at class load, gives an immutable table that is thread-safe and a few nanoseconds per
 * character. What the table gives up are ICU's ~980 phrase rules (單于, 乾坤 …) that keep a
 * character traditional in one word; for matching that is a gain, because a character then folds
 * the same way whatever surrounds it, so a seed folds identically inside any forward. Chains (a to
 * b, b to c) are followed to their end so that folding twice changes nothing.
 */
final class TraditionalToSimplified {

    private static final int BMP = 0x10000;
    private static final int[] BMP_TABLE = new int[BMP];
    private static final Map<Integer, Integer> SUPPLEMENTARY = new HashMap<>();
    private static final long BUILD_NANOS;

    static {
        long start = System.nanoTime();
        Transliterator ts = Transliterator.getInstance("Traditional-Simplified");
        Map<Integer, Integer> single = new HashMap<>();
        UnicodeSet source = ts.getSourceSet();
        for (String s : source) {
            int cp = s.codePointAt(0);
            if (s.length() != Character.charCount(cp)) {
                continue;
            }
            String folded = ts.transliterate(s);
            if (folded.codePointCount(0, folded.length()) == 1 && folded.codePointAt(0) != cp) {
                single.put(cp, folded.codePointAt(0));
            }
        }
        single.forEach((from, to) -> {
            int end = to;
            for (int hops = 0; hops < 8 && single.containsKey(end) && single.get(end) != end; hops++) {
                end = single.get(end);
            }
            if (from < BMP) {
                BMP_TABLE[from] = end;
            } else {
                SUPPLEMENTARY.put(from, end);
            }
        });
        BUILD_NANOS = System.nanoTime() - start;
    }

    private TraditionalToSimplified() {
    }

    /** The simplified form of one code point, or the code point itself. */
    static int fold(int cp) {
        if (cp < BMP) {
            int to = BMP_TABLE[cp];
            return to == 0 ? cp : to;
        }
        return SUPPLEMENTARY.getOrDefault(cp, cp);
    }

    static String fold(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            int to = fold(cp);
            if (to != cp && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.appendCodePoint(to);
            }
            i += Character.charCount(cp);
        }
        return out == null ? text : out.toString();
    }

    /** Characters the table changes; for tests and the thresholds document. */
    static int size() {
        int n = SUPPLEMENTARY.size();
        for (int to : BMP_TABLE) {
            n += to == 0 ? 0 : 1;
        }
        return n;
    }

    static long buildNanos() {
        return BUILD_NANOS;
    }
}
