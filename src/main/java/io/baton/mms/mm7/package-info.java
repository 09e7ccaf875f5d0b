/**
 * MM7 (3GPP TS 23.140, SOAP with attachments over HTTP): {@link io.baton.mms.mm7.Mm7Decoder} reads the
 * SOAP envelopes of the VASP&harr;MMSC operations from a multipart/related (or bare XML) HTTP body,
 * tolerating the quirks of real MMSCs; {@link io.baton.mms.mm7.Mm7Encoder} writes them. Pure Java: no
 * framework imports.
 */
package io.baton.mms.mm7;
