package io.baton.serial.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SerialNumberTest {

    @Test
    void dammCheckDigitOfTheKnownVector572IsFour() {
        // interim: 0 -(5)-> 9 -(7)-> 7 -(2)-> 4
        assertThat(SerialNumber.damm("572")).isEqualTo(4);
        assertThat(SerialNumber.damm("5724")).isZero();
    }

    @Test
    void formatsPrefixSevenDigitSequenceAndDammCheckDigit() {
        // Damm over "0000123": 0 stays 0 through the zeros, -(1)-> 3, -(2)-> DAMM[3][2]=5, -(3)-> DAMM[5][3]=4
        SerialNumber s = new SerialNumber("T08", 123);
        assertThat(s.digits()).isEqualTo("0000123");
        assertThat(s.checkDigit()).isEqualTo(4);
        assertThat(s).hasToString("T08-0000123-4");
    }

    @Test
    void formatsSequencesLongerThanSevenDigitsWithoutPadding() {
        SerialNumber s = new SerialNumber("T08", 123_456_789L);
        assertThat(s.toString()).startsWith("T08-123456789-");
        assertThat(SerialNumber.damm(s.digits() + s.checkDigit())).isZero();
    }

    @Test
    void parsesWhatItFormats() {
        assertThat(SerialNumber.parse("T08-0000123-4")).contains(new SerialNumber("T08", 123));
    }

    @Test
    void parsesTheWayASubscriberTypesIt() {
        assertThat(SerialNumber.parse("  t08-0000123-4 \n")).contains(new SerialNumber("T08", 123));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "T08-0000123-5",   // wrong check digit
        "T08-0000124-4",   // substituted digit
        "T08-0000213-4",   // transposed digits
        "T08-123-4",       // fewer than seven digits
        "T08-00000123-4",  // zero padding beyond seven digits
        "T08-0000000-0",   // sequence zero, although its check digit is right
        "T08 0000123 4",
        "T08-0000123",
        "-0000123-4",
        "TOOLONGPX-0000123-4",
        "T_8-0000123-4",
        "T08-0000123-44",
        "T08-000012a-4",
        "",
        "   ",
    })
    void refusesMalformedOrMistypedSerials(String text) {
        assertThat(SerialNumber.parse(text)).isEmpty();
    }

    @Test
    void refusesNull() {
        assertThat(SerialNumber.parse(null)).isEmpty();
    }

    @Test
    void doesNotOverflowOnTheLongestSequenceTheFormatAllows() {
        String eighteen = "999999999999999999";
        String text = "T08-" + eighteen + "-" + SerialNumber.damm(eighteen);
        assertThat(SerialNumber.parse(text)).contains(new SerialNumber("T08", 999_999_999_999_999_999L));
    }

    @Test
    void refusesNonPositiveSequences() {
        assertThatThrownBy(() -> new SerialNumber("T08", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SerialNumber("T08", -5)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "t08", "T-8", "ABCDEFGHI", "T 8" })
    void refusesPrefixesOtherThanOneToEightUpperCaseLettersOrDigits(String prefix) {
        assertThatThrownBy(() -> new SerialNumber(prefix, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNullPrefix() {
        assertThatThrownBy(() -> new SerialNumber(null, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
