package io.baton.crediting.domain;

import java.time.OffsetDateTime;

import io.baton.common.Msisdn;

/** A recognised submit whose recipient has the campaign's crediting status: may it earn a serial? */
public record CreditCandidate(String campaignId, String messageId, Msisdn sender, Msisdn recipient,
        OffsetDateTime submittedAt, OffsetDateTime deliveredAt) {
}
