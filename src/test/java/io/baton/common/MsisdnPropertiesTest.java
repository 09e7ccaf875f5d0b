package io.baton.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class MsisdnPropertiesTest {

    /**
     * A digit string parses to itself unless it starts with "00", which is read as the
     * international call prefix and dropped (so "0086..." and "86..." are the same number).
     */
    @Property
    void everyThreeToFifteenDigitStringNotStartingWithDoubleZeroParsesToItself(
            @ForAll @NumericChars @StringLength(min = 3, max = 15) String digits) {
        Assume.that(!digits.startsWith("00"));
        assertThat(Msisdn.parse(digits).digits()).isEqualTo(digits);
    }

    @Property
    void theInternationalPrefixIsDroppedOnce(
            @ForAll @NumericChars @StringLength(min = 3, max = 15) String digits) {
        assertThat(Msisdn.parse("00" + digits).digits()).isEqualTo(digits);
        Assume.that(!digits.startsWith("00"));
        assertThat(Msisdn.parse("+" + digits).digits()).isEqualTo(digits);
        assertThat(Msisdn.parse("tel:+" + digits + "/TYPE=PLMN").digits()).isEqualTo(digits);
    }

    @Property
    void digitStringsOfTheWrongLengthAreRefused(@ForAll @NumericChars @StringLength(min = 16, max = 40) String tooLong,
            @ForAll @NumericChars @StringLength(max = 2) String tooShort) {
        Assume.that(!tooLong.startsWith("00") || tooLong.length() > 17);
        assertThatThrownBy(() -> Msisdn.parse(tooLong)).isInstanceOf(MsisdnFormatException.class);
        assertThatThrownBy(() -> Msisdn.parse(tooShort)).isInstanceOf(MsisdnFormatException.class);
    }

    @Property
    void maskedNeverShowsTheFourMiddleDigitsOfElevenDigitsOrMore(
            @ForAll @NumericChars @StringLength(min = 11, max = 15) String digits) {
        Assume.that(!digits.startsWith("00"));
        String masked = Msisdn.parse(digits).masked();
        assertThat(masked).hasSize(digits.length());
        assertThat(masked.substring(7, 11)).isEqualTo("****");
        assertThat(masked.substring(0, 7)).isEqualTo(digits.substring(0, 7));
        assertThat(masked.substring(11)).isEqualTo(digits.substring(11));
        assertThat(masked.chars().filter(c -> c == '*').count()).isEqualTo(4);
    }

    @Property
    void numbersDifferingOnlyInTheMaskedDigitsLookTheSame(
            @ForAll @NumericChars @StringLength(min = 11, max = 15) String digits,
            @ForAll @NumericChars @StringLength(value = 4) String otherMiddle) {
        String other = digits.substring(0, 7) + otherMiddle + digits.substring(11);
        assertThat(Msisdn.mask(other)).isEqualTo(Msisdn.mask(digits));
    }

    @Property
    void toStringIsTheMaskedForm(@ForAll @NumericChars @StringLength(min = 3, max = 15) String digits) {
        Assume.that(!digits.startsWith("00"));
        Msisdn m = Msisdn.parse(digits);
        assertThat(m.toString()).isEqualTo(m.masked());
        if (digits.length() >= 7) {
            assertThat(m.toString()).isNotEqualTo(digits).contains("****");
        }
    }

    @Property(tries = 2000)
    void arbitraryStringsEitherParseOrAreRefusedWithMsisdnFormatException(@ForAll String raw) {
        assertParsesToDigitsOrIsRefused(raw);
    }

    @Property(tries = 2000)
    void phoneLikeStringsEitherParseOrAreRefusedWithMsisdnFormatException(@ForAll("phoneLike") String raw) {
        assertParsesToDigitsOrIsRefused(raw);
    }

    @Property
    void whitespaceAroundANumberIsIgnored(@ForAll @NumericChars @StringLength(min = 3, max = 15) String digits,
            @ForAll @IntRange(max = 3) int before, @ForAll @IntRange(max = 3) int after) {
        Assume.that(!digits.startsWith("00"));
        assertThat(Msisdn.parse(" ".repeat(before) + digits + "\t".repeat(after)).digits()).isEqualTo(digits);
    }

    @Provide
    Arbitrary<String> phoneLike() {
        Arbitrary<String> pieces = Arbitraries.of("0", "1", "8", "86", "00", "139", "+", " ", "-", ".", "(", ")",
                "tel:", "TEL:", "/TYPE=", "PLMN", "plmn", "IPv4", "/", "=", "x", "\u0000", "\uD83D", "٣");
        return pieces.list().ofMaxSize(12).map(l -> String.join("", l));
    }

    private static void assertParsesToDigitsOrIsRefused(String raw) {
        Msisdn m;
        try {
            m = Msisdn.parse(raw);
        } catch (MsisdnFormatException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(m.digits()).matches("[0-9]{3,15}");
        assertThat(m.masked()).hasSameSizeAs(m.digits());
    }
}
