package io.baton.notify.mm7.api;

import io.baton.mms.mm7.Mm7Body;
import io.baton.mms.mm7.Mm7Encoder;
import io.baton.mms.mm7.Mm7Header;
import io.baton.mms.mm7.Mm7Message;
import io.baton.mms.mm7.Mm7Status;
import io.baton.notify.mm7.Mm7Config;

/** The SOAP Fault Baton answers an MMSC with, from the resource or before its body is read (Mm7Gate). */
final class Mm7Faults {

    static final String XML = "text/xml; charset=utf-8";

    /** A fault ready to write. */
    record Fault(int httpStatus, String contentType, byte[] body) {
    }

    private final Mm7Config config;
    private final Mm7Encoder encoder = new Mm7Encoder();

    Mm7Faults(Mm7Config config) {
        this.config = config;
    }

    /** @param request the request's header, or null when it was not read */
    Fault fault(int httpStatus, Mm7Header request, Mm7Status status) {
        Mm7Header h = request == null ? Mm7Header.of(config.namespaceUri(), null, config.mm7Version())
                : new Mm7Header(request.namespace(), request.transactionId(), request.transactionIdNamespace(),
                        request.mm7Version() == null ? config.mm7Version() : request.mm7Version());
        String code = httpStatus >= 500 ? "env:Server" : "env:Client";
        Mm7Body body = encoder.encode(new Mm7Message.Fault(h, code, status.text(), "RSErrorRsp", status));
        return new Fault(httpStatus, XML, body.body());
    }
}
