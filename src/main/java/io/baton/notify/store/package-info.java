/** The SMS outbox as the SMPP connector moves it: attempts, accepted segments, retries, receipts. */
package io.baton.notify.store;
