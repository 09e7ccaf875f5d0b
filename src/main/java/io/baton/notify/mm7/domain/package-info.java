/** MM7 connector decisions without framework: how an MMSC's answer is classified, how retries back off, IP ranges. */
package io.baton.notify.mm7.domain;
