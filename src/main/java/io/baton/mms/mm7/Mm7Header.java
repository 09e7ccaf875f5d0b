package io.baton.mms.mm7;

/**
 * What every MM7 message carries besides its own fields: the namespace of the operation element (null
 * when unqualified), the SOAP header's TransactionID and the namespace it was written in (may differ),
 * and the MM7Version element.
 */
public record Mm7Header(String namespace, String transactionId, String transactionIdNamespace, String mm7Version) {

    /** A header in one namespace for an answer or a request we write. */
    public static Mm7Header of(String namespace, String transactionId, String mm7Version) {
        return new Mm7Header(namespace, transactionId, namespace, mm7Version);
    }
}
