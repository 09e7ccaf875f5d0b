/**
 * SMS over SMPP without a framework: GSM 7-bit / UCS-2 encoding and concatenation, decoding of MO
 * short messages, delivery receipts, SMSC message id forms, submit status classes and the retry
 * policy. {@code java.*} only.
 */
package io.baton.notify.smpp.domain;
