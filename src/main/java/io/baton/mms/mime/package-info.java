/**
 * MMS delivered as e-mail: what e-mail gateways and MM4 (MMSC to MMSC, 3GPP TS 23.140) hand over as
 * a MIME message. {@link io.baton.mms.mime.MimeMmsReader} turns the raw bytes into a
 * {@link io.baton.mms.mime.MimeMms}: sender, recipients, subject, date, message id and the content
 * parts in document order, transfer encodings undone and RFC 2047 words decoded. Carrier adverts and
 * templates that gateways wrap around the sender's content are taken out by a small rule table
 * ({@link io.baton.mms.mime.CarrierContent}) and named in
 * {@link io.baton.mms.mime.MimeMms#removedAsCarrierContent()}, so recognition sees what the sender
 * sent. Parsing is Apache James mime4j's streaming parser; every limit is set in the reader's
 * constructor and malformed input ends as one exception type, {@link io.baton.mms.mime.MimeMmsException}.
 * {@link io.baton.mms.mime.Mm4Reader} reads MM4 records (TS 23.140 §8.4: forward, delivery report,
 * read-reply report) with its own header-block parser and this package's MIME reader for the content.
 * Pure Java and mime4j: no framework.
 */
package io.baton.mms.mime;
