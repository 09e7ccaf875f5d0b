/**
 * Binary MMS PDU codec (WAP-209 / OMA-MMS-ENC 1.0–1.3 over WAP-230 WSP encoding): decodes the
 * bytes a handset or MMSC sends into one record per message type and encodes them back. Owns the
 * wire codes, the WSP primitives and the connectionless WSP push wrapper of notifications. Pure
 * Java: hostile input is refused with {@link io.baton.mms.MmsCodecException}, the only exception
 * this package throws. Address normalisation (MSISDN) happens elsewhere.
 */
package io.baton.mms;
