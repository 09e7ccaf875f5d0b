package io.baton.recognition.domain.text;

import java.util.HashMap;
import java.util.Map;

import com.ibm.icu.text.Normalizer2;
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
 * once, at class load (about 0.2 s warm, 0.7 to 0.9 s with ICU's data still to load), gives an
 * immutable table that is thread-safe and a few nanoseconds per character.
 *
 * <p>What the table gives up are ICU's ~980 phrase rules (單于, 乾坤 …) that keep a character
 * traditional in one word; for matching that is a gain, because a character then folds the same
 * way whatever surrounds it, so a seed folds identically inside any forward. Chains and cycles in
 * ICU's data are resolved to one character ({@link #endOfChain}) so that folding twice changes
 * nothing.
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
        for (int from : single.keySet()) {
            int end = endOfChain(from, single);
            if (end == from) {
                continue;
            }
            if (from < BMP) {
                BMP_TABLE[from] = end;
            } else {
                SUPPLEMENTARY.put(from, end);
            }
        }
        BUILD_NANOS = System.nanoTime() - start;
    }

    private TraditionalToSimplified() {
    }

    /**
     * Where folding again and again ends. ICU's data has chains (a to b, b to c, some through a
     * compatibility ideograph that NFKC turns into yet another character) and even swaps (苎 to 苧
     * and 苧 to 苎); a chain ends at a character that stays, a cycle at its smallest member, so
     * that folding twice changes nothing and a pair that swaps folds to one character.
     */
    private static int endOfChain(int from, Map<Integer, Integer> single) {
        java.util.List<Integer> seen = new java.util.ArrayList<>();
        int current = from;
        while (!seen.contains(current)) {
            seen.add(current);
            int folded = compatibilityFolded(current);
            int next = single.getOrDefault(folded, folded);
            if (next == current) {
                return current;
            }
            current = next;
        }
        return seen.subList(seen.indexOf(current), seen.size()).stream().min(Integer::compare).orElseThrow();
    }

    /**
     * ICU maps a few characters to CJK compatibility ideographs, which NFKC turns into another
     * character that the table maps again; folding to the end keeps normalisation idempotent.
     */
    private static int compatibilityFolded(int cp) {
        String folded = Normalizer2.getNFKCCasefoldInstance().normalize(new String(Character.toChars(cp)));
        return folded.codePointCount(0, folded.length()) == 1 ? folded.codePointAt(0) : cp;
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
