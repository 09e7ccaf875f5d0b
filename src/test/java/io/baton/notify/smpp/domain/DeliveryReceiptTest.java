package io.baton.notify.smpp.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class DeliveryReceiptTest {

    @Test
    void readsTheSpecFormat() {
        // SMPP 3.4 Appendix B
        var r = DeliveryReceipt.parse("id:0123456789 sub:001 dlvrd:001 submit date:0801121200 "
                + "done date:0801121201 stat:DELIVRD err:000 text:Your torch relay", null, null);
        assertThat(r).contains(new DeliveryReceipt("0123456789", DeliveryReceipt.Status.DELIVRD, "000"));
        assertThat(r.get().status().outcome()).isEqualTo(DeliveryReceipt.Outcome.DELIVERED);
    }

    @Test
    void toleratesCaseSpacingAndOrder() {
        var r = DeliveryReceipt.parse("Stat: undeliv ID: 1a2B err:012 Text:x", null, null);
        assertThat(r).contains(new DeliveryReceipt("1a2B", DeliveryReceipt.Status.UNDELIV, "012"));
    }

    @Test
    void mapsEveryStatusToItsOutcome() {
        assertThat(outcome("DELIVRD")).isEqualTo(DeliveryReceipt.Outcome.DELIVERED);
        for (String s : new String[] { "UNDELIV", "EXPIRED", "REJECTD", "DELETED" }) {
            assertThat(outcome(s)).as(s).isEqualTo(DeliveryReceipt.Outcome.UNDELIVERABLE);
        }
        for (String s : new String[] { "ENROUTE", "ACCEPTD", "UNKNOWN" }) {
            assertThat(outcome(s)).as(s).isEqualTo(DeliveryReceipt.Outcome.PENDING);
        }
    }

    @Test
    void prefersTheTlvsOverTheText() {
        var r = DeliveryReceipt.parse("id:111 stat:ENROUTE", "ABC", "2");
        assertThat(r).contains(new DeliveryReceipt("ABC", DeliveryReceipt.Status.DELIVRD, ""));
        assertThat(DeliveryReceipt.parse("", "ABC", "8").get().status()).isEqualTo(DeliveryReceipt.Status.REJECTD);
    }

    @Test
    void isEmptyWithoutAnIdOrAStatus() {
        assertThat(DeliveryReceipt.parse("hello 2008", null, null)).isEmpty();
        assertThat(DeliveryReceipt.parse("id:42 stat:WHATEVER", null, null)).isEmpty();
        assertThat(DeliveryReceipt.parse(null, null, null)).isEmpty();
    }

    @Property(tries = 1000)
    void arbitraryTextNeverThrows(@ForAll String text, @ForAll String id) {
        DeliveryReceipt.parse(text, null, null);
        DeliveryReceipt.parse("id:" + id + " stat:" + text, id, text);
    }

    private static DeliveryReceipt.Outcome outcome(String stat) {
        return DeliveryReceipt.parse("id:1 stat:" + stat, null, null).orElseThrow().status().outcome();
    }
}
