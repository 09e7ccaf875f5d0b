package io.baton.mms;

/**
 * A connectionless WSP push (WAP-230 §8.2.4.1) that carried an MMS PDU: transaction id, PDU type
 * (0x06 Push or 0x07 Confirmed-Push), the push content type, X-Wap-Application-Id, and the PDU.
 */
public record WspPush(int transactionId, int pduType, String contentType, String applicationId, MmsPdu pdu) {
}
