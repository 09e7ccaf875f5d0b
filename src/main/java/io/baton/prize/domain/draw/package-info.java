/**
 * The public draw algorithm {@code baton-draw-1} (ARCHITECTURE 3.6): the pool, its Merkle root,
 * the picks from a seed, the receipt and its verification. Pure Java: the verifier runs without a
 * database or a running Baton.
 */
package io.baton.prize.domain.draw;
