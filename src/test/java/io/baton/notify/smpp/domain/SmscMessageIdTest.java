package io.baton.notify.smpp.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Positive;

class SmscMessageIdTest {

    @Test
    void normalisesCaseAndLeadingZeros() {
        assertThat(SmscMessageId.normalise(" 00001A2B ")).isEqualTo("1a2b");
        assertThat(SmscMessageId.normalise("0000")).isEqualTo("0");
        assertThat(SmscMessageId.normalise("Smsc12")).isEqualTo("smsc12");
    }

    @Test
    void findsTheHexIdOfADecimalReceiptAndTheReverse() {
        // submit_sm_resp said 1A2B (hex); the receipt says 6699 (decimal), or the other way round
        assertThat(SmscMessageId.candidates("0000006699")).containsExactly("6699", "1a2b", "26265");
        assertThat(SmscMessageId.candidates("1A2B")).containsExactly("1a2b", "6699");
        assertThat(SmscMessageId.candidates("smsc-7")).containsExactly("smsc-7");
        assertThat(SmscMessageId.candidates(" ")).isEmpty();
        assertThat(SmscMessageId.candidates("9".repeat(65))).isEmpty();
    }

    @Property(tries = 1000)
    void aNumberStoredInEitherFormIsFoundFromTheOther(@ForAll @Positive long n, @ForAll boolean upper,
            @ForAll("zeros") String zeros) {
        String hex = Long.toHexString(n);
        String dec = Long.toString(n);
        String receiptHex = zeros + (upper ? hex.toUpperCase(Locale.ROOT) : hex);
        assertThat(SmscMessageId.candidates(receiptHex)).contains(SmscMessageId.normalise(dec));
        assertThat(SmscMessageId.candidates(zeros + dec)).contains(SmscMessageId.normalise(hex));
        assertThat(SmscMessageId.candidates(receiptHex).get(0)).isEqualTo(SmscMessageId.normalise(hex));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> zeros() {
        return net.jqwik.api.Arbitraries.of("", "0", "000");
    }
}
