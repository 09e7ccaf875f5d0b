package io.baton.crediting.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What PostgreSQL knows of the sender's earlier credits when a candidate is decided (read under
 * the sender's lock, so it cannot change while we decide).
 *
 * @param pairSubmitTimes submit times of the forwards already credited for (sender, recipient)
 * @param senderCreditsThatDay credits of the sender on the candidate's day, campaign time zone
 */
public record CreditHistory(List<OffsetDateTime> pairSubmitTimes, int senderCreditsThatDay) {
    public CreditHistory {
        pairSubmitTimes = List.copyOf(pairSubmitTimes);
    }
}
