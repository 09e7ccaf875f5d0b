/**
 * Text recognition of forwarded seeds: a normaliser that undoes what handsets do to a forwarded
 * text (prefixes, greetings, signatures, traditional characters, full-width forms, punctuation),
 * character shingles of the result, and an index over every live campaign's seed text that
 * answers "which seed does this message contain, and how much of it" with a reason a campaign
 * manager can read. Plain Java and ICU4J only.
 */
package io.baton.recognition.domain.text;
