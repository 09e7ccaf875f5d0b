/** Crediting: which successful forwards earn a serial, under the campaign's rules and limits. */
package io.baton.crediting;
