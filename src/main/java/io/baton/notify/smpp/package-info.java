/**
 * The SMPP 3.4 connector to the SMSC (jSMPP): a pool of transceiver binds with keep-alive,
 * reconnect, window and rate limit; the notice sender; delivery receipts and MO messages coming
 * back on the same sessions. See docs/smpp.md.
 */
package io.baton.notify.smpp;
