package io.baton.mms;

import java.time.Instant;

/**
 * X-Mms-Previously-Sent-By (address set) or X-Mms-Previously-Sent-Date (date set) of a forwarded
 * message; the forward counter pairs the two headers of one forwarding step.
 */
public record MmsPreviouslySent(long forwardCounter, String address, Instant date) {
}
