package io.baton.recognition.domain.text;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.ibm.icu.text.Normalizer2;

/**
 * Turns a text into the form we compare: what is left of the seed after a handset has forwarded
 * it. A pure function; instances are immutable and thread-safe.
 *
 * <p>The steps, in order, and why:
 * <ol>
 * <li><b>NFKC with case folding</b> (ICU {@code NFKC_Casefold}): Chinese handsets switch between
 * full-width and half-width letters, digits and marks (１２３, ＡＢＣ, ：), use compatibility forms
 * (①, ﬁ) and English handsets change case ("FWD:", "fwd:"); NFKC folds the forms, case folding the
 * case, and this ICU form also drops default-ignorable characters (zero-width joiners, variation
 * selectors) that emoji and some keyboards leave behind.</li>
 * <li><b>Traditional to simplified</b> ({@link TraditionalToSimplified}): handsets in Hong Kong
 * and Taiwan, and some input settings, convert the whole text.</li>
 * <li><b>Forwarding prefixes and greetings</b> at the start, repeatedly ("Fwd: FW: 转发：你好，看看这个："),
 * and <b>signatures</b> at the end ("—— 来自我的诺基亚", "Sent from my iPhone"): not the seed, so
 * they would lower how much of a message is seed text. Each needs a space or mark next to it, so
 * none of them can match in a text this normaliser has already produced (it has none left); that
 * keeps {@code normalise} idempotent. See {@link HandsetPhrases}.</li>
 * <li><b>Only letters and digits kept</b>: punctuation, symbols, emoji, spaces and line breaks are
 * what handsets change most (，vs , ; an emoji added; a line wrapped) and carry least of the
 * message. Chinese has no spaces anyway, so shingles run across English word boundaries too.
 * Combining marks go as well (é typed as e + ´ is already one letter after step 1).</li>
 * <li><b>NFKC with case folding again</b>: removing a mark can bring together two characters that
 * compose (Hangul jamo); normalising once more makes the output stable.</li>
 * </ol>
 */
public final class TextNormaliser {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    /** Everything the last step removes; a phrase must touch one of these to be removed. */
    private static final String MARK = "[^\\p{L}\\p{N}]";

    private final Pattern leading;
    private final Pattern trailing;

    public TextNormaliser(HandsetPhrases phrases) {
        // marks after a phrase stay: they may open the next one ("转发:[转]")
        this.leading = Pattern.compile("^" + MARK + "*(?:" + alternatives(phrases.forwardPrefixes(), phrases.greetings())
                + ")");
        // a lead is found after one mark (a look-behind, not a run of marks, so a text of many marks
        // costs linear time); marks a lead begins with are dropped, the look-behind stands for them
        List<String> leads = phrases.signatureLeads().stream().map(TextNormaliser::fold)
                .map(s -> s.replaceFirst("^" + MARK + "+", "")).filter(s -> !s.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote).toList();
        this.trailing = leads.isEmpty() ? null
                : Pattern.compile("(?<=" + MARK + ")(?:" + String.join("|", leads) + ")[^\\n\\r]{0,"
                        + HandsetPhrases.SIGNATURE_TAIL + "}$");
    }

    /** With the {@linkplain HandsetPhrases#builtIn() built-in} phrases. */
    public static TextNormaliser withBuiltInPhrases() {
        return new TextNormaliser(HandsetPhrases.builtIn());
    }

    public String normalise(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String folded = fold(text);
        String core = stripHandsetPhrases(folded);
        return NFKC_CASEFOLD.normalize(lettersAndDigits(core));
    }

    /** Steps 1 and 2: the forms handsets change that mean the same text. */
    static String fold(String text) {
        return TraditionalToSimplified.fold(NFKC_CASEFOLD.normalize(text));
    }

    /** Step 3, repeated until nothing more comes off: prefixes can stack ("Fwd: Fwd: 转:"). */
    String stripHandsetPhrases(String text) {
        String current = text;
        for (int round = 0; round < 32; round++) {
            String before = current;
            Matcher lead = leading.matcher(current);
            if (lead.find() && lead.end() > 0) {
                current = current.substring(lead.end());
            }
            if (trailing != null) {
                Matcher tail = trailing.matcher(current);
                if (tail.find()) {
                    int end = tail.start();
                    while (end > 0 && !isLetterOrDigit(current.codePointBefore(end))) {
                        end -= Character.charCount(current.codePointBefore(end)); // the marks before it, too
                    }
                    current = current.substring(0, end);
                }
            }
            if (current.equals(before)) {
                break;
            }
        }
        return current;
    }

    /** Step 4, with the same notion of letter and digit as the patterns above. */
    static String lettersAndDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(TextNormaliser::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    static boolean isLetterOrDigit(int cp) {
        return Character.isLetter(cp) || switch (Character.getType(cp)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** One alternation, longest first, so "转发:" is tried before "转:". */
    private static String alternatives(List<String> prefixes, List<String> greetings) {
        List<String> options = Stream.concat(prefixes.stream(), greetings.stream()).map(TextNormaliser::fold)
                .map(String::strip).filter(s -> !s.isEmpty())
                .distinct().sorted(Comparator.comparingInt(String::length).reversed())
                .map(TextNormaliser::asLeadingOption).toList();
        return options.isEmpty() ? "(?!)" : String.join("|", options);
    }

    /** A phrase that ends in a letter or digit must be followed by a mark, or it would cut a word. */
    private static String asLeadingOption(String phrase) {
        int last = phrase.codePointBefore(phrase.length());
        return Pattern.quote(phrase) + (isLetterOrDigit(last) ? "(?=" + MARK + ")" : "");
    }
}
