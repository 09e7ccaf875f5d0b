/** Serial numbering: one serial per credited forward, a per-campaign sequence with a check digit. */
package io.baton.serial;
