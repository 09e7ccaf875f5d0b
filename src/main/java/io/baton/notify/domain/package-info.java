/** Sending rules shared by the SMPP and MM7 connectors (retry policy); pure Java. */
package io.baton.notify.domain;
