/**
 * Tracking: correlates recognised submits with the delivery status of each recipient, in any
 * order and from any MMSC, and records the relay graph (who passed the torch to whom, at which
 * depth). Crediting decisions are made here under per-message and per-sender locks.
 */
package io.baton.tracking;
