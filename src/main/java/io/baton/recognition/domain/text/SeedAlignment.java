package io.baton.recognition.domain.text;

/**
 * Where and how much a message's text differs from a seed: an edit-distance alignment of the
 * normalised seed against the normalised message, in which text before and after the seed in the
 * message is free (what a person added around a forward) and so is the end of the seed if the
 * message stops early (a forward cut short).
 *
 * <p>Why this and not the shingles alone: shingles say how much of the seed is there, not where.
 * Two typos a letter apart and a two-letter brand replaced miss the same shingles, but only the
 * second is another text ("中国联通" for "中国移动"); in an alignment the typos are two runs of one
 * edit, the brand one run of two. The longest run of consecutive edits is the signal. A cut-short
 * seed is told from a replaced ending by where the message stops: if it goes on with other text,
 * that text must be aligned as edits too.
 *
 * @param longestRun most consecutive edits (substituted, dropped or inserted characters; two
 *        neighbours swapped count as one edit)
 * @param edits total edits
 * @param cutOff seed characters at the end that the message does not reach (0: whole seed)
 */
record SeedAlignment(int longestRun, int edits, int cutOff) {

    /** Above this many table cells (seed length times message length) we do not align. */
    static final long MAX_CELLS = 2_000_000;

    static SeedAlignment of(int[] seed, int[] message) {
        int n = seed.length;
        int m = message.length;
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            return new SeedAlignment(n, n, 0);
        }
        int w = m + 1;
        int[] d = new int[(n + 1) * w];
        for (int i = 1; i <= n; i++) {
            d[i * w] = i;
            for (int j = 1; j <= m; j++) {
                int diagonal = d[(i - 1) * w + j - 1] + (seed[i - 1] == message[j - 1] ? 0 : 1);
                int dropped = d[(i - 1) * w + j] + 1;
                int inserted = d[i * w + j - 1] + 1;
                int best = Math.min(diagonal, Math.min(dropped, inserted));
                if (swapped(seed, message, i, j)) {
                    best = Math.min(best, d[(i - 2) * w + j - 2] + 1);
                }
                d[i * w + j] = best;
            }
        }
        int endJ = 0;
        for (int j = 1; j <= m; j++) {
            if (d[n * w + j] <= d[n * w + endJ]) {
                endJ = j; // on a tie, use up more of the message: the seed reaches further
            }
        }
        boolean messageStops = endJ == m;
        int i = n;
        int j = endJ;
        int edits = d[i * w + j];
        int longest = 0;
        int run = 0;
        boolean trailing = true;
        int dropped = 0;
        while (i > 0) {
            int here = d[i * w + j];
            boolean match = j > 0 && seed[i - 1] == message[j - 1] && here == d[(i - 1) * w + j - 1];
            if (trailing && here == d[(i - 1) * w + j] + 1) {
                // the seed's end, not reached by the message: cut off if the message stops here. Taken
                // even when a match is as good, or a chance match of the last letter would split it.
                dropped++;
                i--;
                continue;
            }
            boolean edit;
            if (match) {
                edit = false;
                i--;
                j--;
            } else if (swapped(seed, message, i, j) && here == d[(i - 2) * w + j - 2] + 1) {
                edit = true;
                i -= 2;
                j -= 2;
            } else if (j > 0 && here == d[(i - 1) * w + j - 1] + 1) {
                edit = true;
                i--;
                j--;
            } else if (here == d[(i - 1) * w + j] + 1) {
                edit = true;
                i--;
            } else {
                edit = true;
                j--;
            }
            if (trailing && !edit) {
                trailing = false;
                // if the message goes on past the seed, its end was replaced, not cut: those count
                longest = Math.max(longest, run + (messageStops ? 0 : dropped));
            }
            run = edit ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        if (trailing) {
            longest = Math.max(longest, run + dropped); // nothing of the seed matched
        }
        int cutOff = messageStops && !trailing ? dropped : 0;
        return new SeedAlignment(longest, messageStops ? edits - cutOff : edits, cutOff);
    }

    /** Two neighbours typed the other way round ("freind"): one slip of the thumb, one edit. */
    private static boolean swapped(int[] seed, int[] message, int i, int j) {
        return i > 1 && j > 1 && seed[i - 1] == message[j - 2] && seed[i - 2] == message[j - 1]
                && seed[i - 1] != seed[i - 2];
    }
}
