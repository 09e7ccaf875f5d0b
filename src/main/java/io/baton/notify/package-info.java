/** Notify: SMS and MMS outboxes, their relays to Kafka, and the senders behind them. */
package io.baton.notify;
