package io.baton.notify.mm7;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.baton.common.Msisdn;
import io.baton.common.MsisdnFormatException;
import io.baton.mms.mm7.Mm7Address;
import io.baton.mms.mm7.Mm7Exception;
import io.baton.mms.mm7.Mm7Header;
import io.baton.mms.mm7.Mm7Message;
import io.baton.mms.mm7.Mm7Part;
import io.baton.mms.mm7.Mm7Status;
import io.baton.notify.MobileOriginated;
import io.baton.notify.mm7.store.SeedSendMm7Repository;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What Baton does with the requests an MMSC posts to {@code POST /mm7}: an MO MMS (DeliverReq) goes to
 * the keyword handler like an MO SMS, a delivery report moves its seed to {@code delivered} or
 * {@code undeliverable}, a read reply records the read. Answers the matching response in the
 * request's namespace and TransactionID.
 */
@ApplicationScoped
public class Mm7Inbound {

    private static final Logger LOG = Logger.getLogger("io.baton.notify.mm7");

    private final MobileOriginated mo;
    private final SeedSendMm7Repository seeds;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Mm7Config config;

    public Mm7Inbound(MobileOriginated mo, SeedSendMm7Repository seeds, Clock clock, MeterRegistry metrics,
            Mm7Config config) {
        this.mo = mo;
        this.seeds = seeds;
        this.clock = clock;
        this.metrics = metrics;
        this.config = config;
    }

    /** @throws Mm7Exception for a request Baton does not take (answered as a SOAP Fault) */
    public Mm7Message handle(Mm7Message request) throws Mm7Exception {
        Mm7Header h = request.header();
        Mm7Header answer = new Mm7Header(h.namespace(), h.transactionId(), h.transactionIdNamespace(),
                h.mm7Version() == null ? config.mm7Version() : h.mm7Version());
        Mm7Message response;
        if (request instanceof Mm7Message.DeliverReq d) {
            response = new Mm7Message.DeliverRsp(answer, Mm7Status.success(deliver(d)), null);
        } else if (request instanceof Mm7Message.DeliveryReportReq r) {
            response = new Mm7Message.DeliveryReportRsp(answer, Mm7Status.success(deliveryReport(r)));
        } else if (request instanceof Mm7Message.ReadReplyReq r) {
            int rows = seeds.read(r.messageId());
            count("read-reply", rows > 0 ? "recorded" : "unknown-message");
            response = new Mm7Message.ReadReplyRsp(answer, Mm7Status.success(rows > 0 ? "read recorded"
                    : "received; MessageID unknown here"));
        } else {
            throw new Mm7Exception(request.operation(), "a VASP does not take " + request.operation(),
                    Mm7Status.UNSUPPORTED_OPERATION);
        }
        return response;
    }

    private String deliver(Mm7Message.DeliverReq d) throws Mm7Exception {
        if (d.sender() == null) {
            throw new Mm7Exception("DeliverReq/Sender", "missing (mandatory)", Mm7Status.ADDRESS_ERROR);
        }
        Msisdn from = msisdn(d.sender(), "DeliverReq/Sender");
        String to = null;
        if (!d.recipients().isEmpty()) {
            try {
                to = msisdn(d.recipients().get(0).address(), "DeliverReq/Recipients").digits();
            } catch (Mm7Exception e) {
                // a VASP address that is no number (vasp@mmsc): the keyword decides the campaign alone
                LOG.debugf("mm7=deliver-recipient-unreadable reason=\"%s\"", e.getMessage());
            }
        }
        if (d.linkedId() != null && !d.linkedId().isBlank()) {
            seeds.rememberLinkedId(from.digits(), d.linkedId());
        }
        OffsetDateTime at = OffsetDateTime.now(clock);
        if (d.timeStamp() != null) {
            try {
                at = OffsetDateTime.parse(d.timeStamp());
            } catch (DateTimeParseException e) {
                // the MMSC's clock format is its business; the receive time is good enough
            }
        }
        String outcome = mo.handle(from, to, text(d), at);
        count("deliver", outcome);
        LOG.infof("mm7=deliver from=%s to=%s parts=%d outcome=%s", from, to, d.content().size(), outcome);
        return "received";
    }

    private String deliveryReport(Mm7Message.DeliveryReportReq r) {
        String state = switch (r.mmStatus().strip().toLowerCase(Locale.ROOT)) {
            case "retrieved" -> "delivered";
            case "expired", "rejected", "unrecognised", "unrecognized", "deliveryconditionnotmet" -> "undeliverable";
            default -> null; // Deferred, Indeterminate, Forwarded: the MMSC has not finished
        };
        int rows = seeds.deliveryReport(r.messageId(), state);
        count("delivery-report", rows > 0 ? (state == null ? "not-final" : state) : "unknown-message");
        LOG.debugf("mm7=delivery-report message-id=%s status=%s state=%s rows=%d", r.messageId(), r.mmStatus(),
                state, rows);
        return rows > 0 ? "report recorded" : "received; MessageID unknown here";
    }

    /** The keyword: the first text part that says something, else the subject (handsets put it in either). */
    private static String text(Mm7Message.DeliverReq d) {
        for (Mm7Part p : d.content()) {
            if (p.mediaType().equals("text/plain")) {
                String t = new String(p.data(), charset(p.charset())).strip();
                if (!t.isEmpty()) {
                    return t;
                }
            }
        }
        return d.subject() == null ? "" : d.subject();
    }

    private static Charset charset(String name) {
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** Number and ShortCode as they are; an RFC 2822 address by its local part ({@code 8613905000001@mmsc}). */
    private static Msisdn msisdn(Mm7Address a, String where) throws Mm7Exception {
        String v = a.value();
        if (a.kind() == Mm7Address.Kind.RFC2822_ADDRESS) {
            int lt = v.indexOf('<');
            v = lt >= 0 ? v.substring(lt + 1) : v;
            int at = v.indexOf('@');
            v = at >= 0 ? v.substring(0, at) : v;
        }
        try {
            return Msisdn.parse(v);
        } catch (MsisdnFormatException e) {
            throw new Mm7Exception(where, "not a phone number: " + e.getMessage(), Mm7Status.ADDRESS_ERROR);
        }
    }

    private void count(String operation, String outcome) {
        metrics.counter("baton.mm7.requests", "operation", operation, "outcome", outcome).increment();
    }
}
