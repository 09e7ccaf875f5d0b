/** The pure rules of prizes: pacing plans and their region splits. Plain Java. */
package io.baton.prize.domain;
