/** Seeding: who gets the seed and when; for now the MO keyword that asks for it. */
package io.baton.seeding;
