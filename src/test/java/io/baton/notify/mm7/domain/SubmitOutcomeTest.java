package io.baton.notify.mm7.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.baton.mms.mm7.Mm7Header;
import io.baton.mms.mm7.Mm7Message;
import io.baton.mms.mm7.Mm7Status;

/** The classification table of docs/mm7.md, row by row. */
class SubmitOutcomeTest {

    private static final Mm7Header H = Mm7Header.of(null, "t", "6.8.0");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "1000, Accepted", "1100, Accepted",
            "2000, Permanent", "2001, Permanent", "2002, Permanent", "2003, Permanent", "2004, Permanent",
            "2007, Permanent",
            "3000, Transient", "3001, Permanent", "3002, Permanent", "3003, Permanent",
            "4000, Permanent", "4001, Permanent", "4002, Permanent", "4003, Permanent", "4004, Permanent",
            "4005, Transient", "4006, Transient", "4007, Permanent", "4008, Permanent"})
    void classifiesEachStatusCode(int code, String outcome) {
        SubmitOutcome rsp = SubmitOutcome.ofResponse(200,
                new Mm7Message.SubmitRsp(H, new Mm7Status(code, "text"), "m-1"), null);
        SubmitOutcome fault = SubmitOutcome.ofResponse(500,
                new Mm7Message.Fault(H, "env:Client", "x", "RSErrorRsp", new Mm7Status(code, "text")), null);
        assertThat(rsp.getClass().getSimpleName()).isEqualTo(outcome);
        if (code >= 2000) {
            assertThat(fault.getClass().getSimpleName()).isEqualTo(outcome);
        }
    }

    @ParameterizedTest(name = "HTTP {0} → {1}")
    @CsvSource({"500, Transient", "502, Transient", "503, Transient", "504, Transient", "408, Transient",
            "429, Transient", "200, Transient", "400, Permanent", "401, Permanent", "403, Permanent",
            "404, Permanent"})
    void classifiesAnAnswerThatIsNotMm7ByItsHttpStatus(int http, String outcome) {
        assertThat(SubmitOutcome.ofResponse(http, null, "not XML").getClass().getSimpleName()).isEqualTo(outcome);
    }

    @Test
    void aSuccessWithoutMessageIdIsNotTakenForAcceptance() {
        SubmitOutcome o = SubmitOutcome.ofResponse(200, new Mm7Message.SubmitRsp(H, Mm7Status.success("ok"), " "),
                null);
        assertThat(o).isEqualTo(new SubmitOutcome.Transient("SubmitRsp 1000 without MessageID"));
    }

    @Test
    void keepsTheMessageIdAndTheStatusText() {
        assertThat(SubmitOutcome.ofResponse(200, new Mm7Message.SubmitRsp(H, new Mm7Status(1000, "ok"), "m-9"), null))
                .isEqualTo(new SubmitOutcome.Accepted("m-9", new Mm7Status(1000, "ok")));
        assertThat(SubmitOutcome.ofResponse(500, new Mm7Message.Fault(H, "c", "s", "RSErrorRsp",
                new Mm7Status(2002, "Address Error")), null)).isEqualTo(new SubmitOutcome.Permanent("2002 Address Error"));
    }
}
