/**
 * Prizes: the catalogue's stock and budget, instant and milestone wins decided in the credit's
 * transaction, pacing by day and region, verifiable draws, claims, reviews and their audit.
 */
package io.baton.prize;
