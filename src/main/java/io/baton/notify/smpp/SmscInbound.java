package io.baton.notify.smpp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;

import io.baton.common.Msisdn;
import io.baton.notify.MobileOriginated;
import io.baton.notify.smpp.domain.DecodedSms;
import io.baton.notify.smpp.domain.DeliveryReceipt;
import io.baton.notify.smpp.domain.MoReassembly;
import io.baton.notify.smpp.domain.SmsDecoder;
import io.baton.notify.smpp.domain.SmsDecodingException;
import io.baton.notify.smpp.domain.SmscMessageId;
import io.baton.notify.store.SmsOutboxRepository;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the SMSC sends Baton on a transceiver session. A deliver_sm flagged as an SMSC delivery
 * receipt settles the notice it names; any other deliver_sm is an MO message for the keyword
 * handler (segments joined first). The SMSC always gets a deliver_sm_resp: OK, or a precise error
 * for content Baton cannot read (never a crash), or ESME_RSYSERR when Baton could not store the
 * event so that the SMSC delivers it again instead of it being lost.
 */
@ApplicationScoped
public class SmscInbound implements MessageReceiverListener {

    private static final Logger LOG = Logger.getLogger(SmscInbound.class);
    static final int ESME_RSYSERR = 0x08;
    static final int ESME_RINVSRCADR = 0x0A;
    static final int ESME_RX_P_APPN = 0x65;
    /** SMPP 3.4 section 5.2.12: esm_class message type bits; 0x04 receipt, 0x20 intermediate notification. */
    private static final int RECEIPT_TYPES = 0x04 | 0x08 | 0x10 | 0x20;
    /** A receipt can overtake the recording of its submit_sm_resp: look again this often before "unknown". */
    private static final int RECEIPT_LOOKUPS = 3;
    private static final Duration RECEIPT_RETRY = Duration.ofSeconds(1);

    private final SmsOutboxRepository outbox;
    private final MobileOriginated mo;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final MoReassembly segments = new MoReassembly(Duration.ofMinutes(10), 10_000);
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smpp-receipt-retry");
        t.setDaemon(true);
        return t;
    });

    public SmscInbound(SmsOutboxRepository outbox, MobileOriginated mo, MeterRegistry metrics) {
        this.outbox = outbox;
        this.mo = mo;
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm d) throws ProcessRequestException {
        if ((d.getEsmClass() & RECEIPT_TYPES) != 0) {
            receipt(d);
        } else {
            mobileOriginated(d);
        }
    }

    private void receipt(DeliverSm d) throws ProcessRequestException {
        String text = readable(d);
        Optional<DeliveryReceipt> parsed = DeliveryReceipt.parse(text, tlv(d, OptionalParameter.Tag.RECEIPTED_MESSAGE_ID),
                tlv(d, OptionalParameter.Tag.MESSAGE_STATE));
        if (parsed.isEmpty()) {
            count("baton.smpp.receipts", "unreadable");
            LOG.warnf("smpp=receipt-unreadable from=%s chars=%d", Msisdn.mask(d.getSourceAddr()), text.length());
            return; // answered OK: the SMSC would only send the same unreadable text again
        }
        DeliveryReceipt r = parsed.get();
        try {
            apply(r, d.getSourceAddr(), 1);
        } catch (RuntimeException e) {
            LOG.warnf("smpp=receipt-not-stored smsc-id=%s reason=%s", r.messageId(), e.getMessage());
            throw new ProcessRequestException("cannot store the receipt now", ESME_RSYSERR);
        }
    }

    private void apply(DeliveryReceipt r, String subscriber, int lookup) {
        List<String> ids = SmscMessageId.candidates(r.messageId());
        Optional<SmsOutboxRepository.ReceiptMatch> match = outbox.applyReceipt(ids, r.status().outcome());
        if (match.isPresent()) {
            count("baton.smpp.receipts", r.status().outcome().name().toLowerCase());
            LOG.debugf("smpp=receipt id=%d to=%s stat=%s state=%s", match.get().outboxId(),
                    Msisdn.mask(match.get().toMsisdn()), r.status(), match.get().state());
        } else if (lookup < RECEIPT_LOOKUPS) {
            later.schedule(() -> {
                try {
                    apply(r, subscriber, lookup + 1);
                } catch (RuntimeException e) {
                    LOG.warnf("smpp=receipt-not-stored smsc-id=%s reason=%s", r.messageId(), e.getMessage());
                }
            }, RECEIPT_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            count("baton.smpp.receipts", "unknown-id");
            LOG.warnf("smpp=receipt-unknown-id smsc-id=%s stat=%s to=%s", r.messageId(), r.status(),
                    Msisdn.mask(subscriber));
        }
    }

    private void mobileOriginated(DeliverSm d) throws ProcessRequestException {
        Msisdn from;
        try {
            from = Msisdn.parse(d.getSourceAddr());
        } catch (RuntimeException e) {
            count("baton.smpp.mo", "bad-source");
            LOG.warnf("smpp=mo-rejected reason=bad-source-address chars=%d",
                    d.getSourceAddr() == null ? 0 : d.getSourceAddr().length());
            throw new ProcessRequestException("invalid source address", ESME_RINVSRCADR);
        }
        DecodedSms sms;
        try {
            sms = SmsDecoder.decode(d.getDataCoding(), bytes(d), (d.getEsmClass() & 0x40) != 0);
        } catch (SmsDecodingException e) {
            count("baton.smpp.mo", "undecodable");
            LOG.warnf("smpp=mo-rejected from=%s field=%s reason=%s", from, e.field(), e.getMessage());
            throw new ProcessRequestException(e.getMessage(), ESME_RX_P_APPN);
        }
        String to = d.getDestAddress();
        Optional<String> text;
        if (sms.part().isPresent()) {
            synchronized (segments) {
                text = segments.add(from.digits(), to, sms.part().get(), sms.text(), clock.instant());
            }
            if (text.isEmpty()) {
                count("baton.smpp.mo", "segment-held");
                return;
            }
        } else {
            text = Optional.of(sms.text());
        }
        try {
            String outcome = mo.handle(from, to, text.get(), OffsetDateTime.now(clock));
            count("baton.smpp.mo", outcome);
        } catch (RuntimeException e) {
            LOG.warnf("smpp=mo-not-stored from=%s reason=%s", from, e.getMessage());
            throw new ProcessRequestException("cannot take the message now", ESME_RSYSERR);
        }
    }

    private static byte[] bytes(DeliverSm d) {
        byte[] m = d.getShortMessage();
        if (m != null && m.length > 0) {
            return m;
        }
        OptionalParameter payload = d.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
        return payload instanceof OptionalParameter.OctetString o ? o.getValue() : new byte[0];
    }

    /** A receipt's text: SMSCs write it in ASCII whatever data_coding says; undecodable bytes become U+FFFD. */
    private static String readable(DeliverSm d) {
        byte[] m = bytes(d);
        if ((d.getDataCoding() & 0xFF) == 0x08) {
            return new String(m, StandardCharsets.UTF_16BE);
        }
        return new String(m, StandardCharsets.ISO_8859_1);
    }

    private static String tlv(DeliverSm d, OptionalParameter.Tag tag) {
        OptionalParameter p = d.getOptionalParameter(tag);
        if (p instanceof OptionalParameter.OctetString s) {
            return s.getValueAsString().replace("\0", "");
        }
        if (p instanceof OptionalParameter.Byte b) {
            return Integer.toString(b.getValue() & 0xFF);
        }
        return null;
    }

    private void count(String name, String outcome) {
        metrics.counter(name, "outcome", outcome).increment();
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alert) {
        LOG.debug("smpp=alert-notification");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not used", 0x03); // ESME_RINVCMDID
    }

    @PreDestroy
    void close() {
        later.shutdownNow();
    }
}
