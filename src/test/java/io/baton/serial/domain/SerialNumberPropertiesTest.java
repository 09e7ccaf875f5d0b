package io.baton.serial.domain;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class SerialNumberPropertiesTest {

    /** Index of the first digit of the sequence in "PREFIX-ddddddd-c". */
    private static int firstDigit(SerialNumber s) {
        return s.prefix().length() + 1;
    }

    /** The positions of the seven sequence digits and the check digit in the formatted serial. */
    private static int[] digitPositions(SerialNumber s) {
        int start = firstDigit(s);
        int n = s.digits().length();
        int[] positions = new int[n + 1];
        for (int i = 0; i < n; i++) {
            positions[i] = start + i;
        }
        positions[n] = start + n + 1; // skip the '-' before the check digit
        return positions;
    }

    @Property
    void everySingleDigitSubstitutionIsDetected(@ForAll("prefixes") String prefix,
            @ForAll @LongRange(min = 1, max = 9_999_999) long sequence) {
        SerialNumber serial = new SerialNumber(prefix, sequence);
        String text = serial.toString();
        assertThat(SerialNumber.parse(text)).contains(serial);
        for (int pos : digitPositions(serial)) {
            for (char d = '0'; d <= '9'; d++) {
                if (d == text.charAt(pos)) {
                    continue;
                }
                String typo = text.substring(0, pos) + d + text.substring(pos + 1);
                assertThat(SerialNumber.parse(typo)).as("%s mistyped as %s", text, typo).isEmpty();
            }
        }
    }

    @Property
    void everyAdjacentTranspositionOfDifferentDigitsIsDetected(@ForAll("prefixes") String prefix,
            @ForAll @LongRange(min = 1, max = 9_999_999) long sequence) {
        SerialNumber serial = new SerialNumber(prefix, sequence);
        String text = serial.toString();
        int[] positions = digitPositions(serial);
        for (int k = 0; k + 1 < positions.length; k++) {
            int i = positions[k];
            int j = positions[k + 1];
            if (text.charAt(i) == text.charAt(j)) {
                continue;
            }
            char[] swapped = text.toCharArray();
            swapped[i] = text.charAt(j);
            swapped[j] = text.charAt(i);
            String typo = new String(swapped);
            assertThat(SerialNumber.parse(typo)).as("%s mistyped as %s", text, typo).isEmpty();
        }
    }

    @Property
    void theCheckDigitMakesTheDammInterimZero(@ForAll @LongRange(min = 1, max = 1_000_000_000) long sequence) {
        SerialNumber serial = new SerialNumber("T08", sequence);
        assertThat(SerialNumber.damm(serial.digits() + serial.checkDigit())).isZero();
    }

    @Property
    void formattedSerialsParseBackToTheSameSerial(@ForAll("prefixes") String prefix,
            @ForAll @LongRange(min = 1, max = 1_000_000_000) long sequence) {
        SerialNumber serial = new SerialNumber(prefix, sequence);
        assertThat(serial.toString()).matches("[A-Z0-9]{1,8}-[0-9]{7,}-[0-9]");
        assertThat(SerialNumber.parse(serial.toString())).contains(serial);
        assertThat(SerialNumber.parse(serial.toString().toLowerCase())).contains(serial);
    }

    @Property(tries = 2000)
    void parseNeverThrows(@ForAll String text) {
        assertThat(SerialNumber.parse(text)).isNotNull();
    }

    @Property(tries = 2000)
    void whateverParsesFormatsBackToTheSameText(@ForAll("serialLike") String text) {
        SerialNumber.parse(text).ifPresent(s -> assertThat(s.toString()).isEqualTo(text.strip().toUpperCase()));
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789").ofMinLength(1).ofMaxLength(8);
    }

    @Provide
    Arbitrary<String> serialLike() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(19);
        Arbitrary<String> check = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(2);
        return net.jqwik.api.Combinators.combine(prefixes(), digits, check).as((p, d, c) -> p + "-" + d + "-" + c);
    }
}
