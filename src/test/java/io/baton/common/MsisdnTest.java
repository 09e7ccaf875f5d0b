package io.baton.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MsisdnTest {

    private static final String DIGITS = "8613905000001";

    @ParameterizedTest
    @ValueSource(strings = {
        "8613905000001",
        "+86 139 0500 0001",
        "tel:+8613905000001",
        "TEL:+8613905000001",
        "tel: +8613905000001",
        "8613905000001/TYPE=PLMN",
        "8613905000001/type=plmn",
        "tel:+8613905000001/TYPE=PLMN",
        "008613905000001",
        "0086 139-0500-0001",
        "  +86 (139) 0500.0001  ",
    })
    void normalisesTheFormsGatewaysWriteToPlainDigits(String raw) {
        assertThat(Msisdn.parse(raw).digits()).isEqualTo(DIGITS);
    }

    @Test
    void keepsASingleLeadingZeroBecauseOnlyTheInternationalPrefixIsDropped() {
        assertThat(Msisdn.parse("013905000001").digits()).isEqualTo("013905000001");
    }

    @Test
    void acceptsAThreeDigitShortCodeAndAFifteenDigitNumber() {
        assertThat(Msisdn.parse("110").digits()).isEqualTo("110");
        assertThat(Msisdn.parse("123456789012345").digits()).isEqualTo("123456789012345");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "86139abc00001",
        "8613905000001x",
        "",
        "   ",
        "tel:",
        "12",
        "+12",
        "1234567890123456",
        "00",
        "8613905000001/TYPE=IPv4",
        "10.0.0.1/TYPE=IPV4",
        "8613905000001/TYPE=",
        "86139+05000001",
        "8613905000001+",
        "++8613905000001",
        "1 + 2 3 4",
        "8613905000001@mms.example",
        "٨٦١٣٩٠٥٠٠٠٠٠١",
    })
    void refusesInputThatIsNotAPhoneNumber(String raw) {
        assertThatThrownBy(() -> Msisdn.parse(raw)).isInstanceOf(MsisdnFormatException.class);
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> Msisdn.parse(null)).isInstanceOf(MsisdnFormatException.class);
    }

    @Test
    void refusalMessageNamesTheProblemWithoutEchoingTheNumber() {
        assertThatThrownBy(() -> Msisdn.parse("8613905000001x"))
                .isInstanceOf(MsisdnFormatException.class)
                .hasMessageContaining("'x'")
                .hasMessageNotContaining("8613905000001");
        assertThatThrownBy(() -> Msisdn.parse("1234567890123456"))
                .hasMessageContaining("16")
                .hasMessageNotContaining("1234567890123456");
    }

    @Test
    void refusalIsAnIllegalArgumentException() {
        assertThatThrownBy(() -> Msisdn.parse("abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void masksTheFourDigitsAfterTheSevenDigitHead() {
        assertThat(Msisdn.parse(DIGITS).masked()).isEqualTo("8613905****01");
    }

    @Test
    void toStringShowsOnlyTheMaskedForm() {
        Msisdn m = Msisdn.parse("+86 139 0500 0001");
        assertThat(m.toString()).isEqualTo("8613905****01").doesNotContain(DIGITS);
        assertThat(String.valueOf(m)).doesNotContain("0000");
    }

    @Test
    void masksShortNumbersExceptTheirLastTwoDigits() {
        assertThat(Msisdn.mask("110")).isEqualTo("*10");
        assertThat(Msisdn.mask("123456")).isEqualTo("****56");
    }

    @Test
    void masksTheLastFourDigitsOfSevenToTenDigitNumbers() {
        assertThat(Msisdn.mask("1234567")).isEqualTo("123****");
        assertThat(Msisdn.mask("1234567890")).isEqualTo("123456****");
    }

    @Test
    void masksFifteenDigitNumbersInTheMiddle() {
        assertThat(Msisdn.mask("123456789012345")).isEqualTo("1234567****2345");
    }

    @Test
    void numbersWrittenDifferentlyAreEqualAndHashAlike() {
        Msisdn a = Msisdn.parse("+86 139 0500 0001");
        Msisdn b = Msisdn.parse("8613905000001/TYPE=PLMN");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.compareTo(b)).isZero();
        assertThat(a).isNotEqualTo(Msisdn.parse("8613905000002"));
    }

    @Test
    void ordersByDigits() {
        assertThat(Msisdn.parse("8613905000001")).isLessThan(Msisdn.parse("8613905000002"));
    }

    @Test
    void startsWithComparesNormalisedDigits() {
        Msisdn m = Msisdn.parse("+86 139 0500 0001");
        assertThat(m.startsWith("8613905")).isTrue();
        assertThat(m.startsWith("+86")).isFalse();
        assertThat(m.startsWith("8613906")).isFalse();
    }
}
