package io.baton.notify.smpp;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.jsmpp.GenericNackResponseException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;

import io.baton.notify.SendRate;
import io.baton.notify.smpp.domain.SubmitStatus;

/**
 * One transceiver bind to the SMSC, kept open: bound at start, enquire_link while idle, bound
 * again after a loss or a refusal with a doubling wait (capped). Submissions wait for a window
 * slot (at most {@code window} submit_sm without their resp) and, with a rate limit, for their
 * time slot, so the SMSC is never pushed past its agreed throughput.
 */
final class SmppBind {

    private static final Logger LOG = Logger.getLogger(SmppBind.class);

    private final int index;
    private final SmppConfig config;
    private final MessageReceiverListener inbound;
    private final ScheduledExecutorService scheduler;
    private final Semaphore window;
    /** null without a rate limit */
    private final SendRate rate;
    private volatile SMPPSession session;
    private volatile boolean closed;
    private boolean bindScheduled;
    private Duration backoff;

    SmppBind(int index, SmppConfig config, MessageReceiverListener inbound, ScheduledExecutorService scheduler) {
        this.index = index;
        this.config = config;
        this.inbound = inbound;
        this.scheduler = scheduler;
        this.window = new Semaphore(Math.max(1, config.window()), true);
        this.rate = config.maxRate() > 0 ? new SendRate(config.maxRate()) : null;
        this.backoff = config.reconnectBackoff();
    }

    void start() {
        scheduler.execute(this::bind);
    }

    boolean isBound() {
        SMPPSession s = session;
        return s != null && s.getSessionState().isBound();
    }

    private void bind() {
        synchronized (this) {
            bindScheduled = false;
        }
        if (closed) {
            return;
        }
        SMPPSession s = new SMPPSession();
        s.setEnquireLinkTimer((int) config.enquireLinkInterval().toMillis());
        s.setTransactionTimer(config.responseTimeout().toMillis());
        s.setMessageReceiverListener(inbound);
        try {
            s.connectAndBind(config.host().orElseThrow(), config.port(),
                    new BindParameter(BindType.BIND_TRX, config.systemId(), config.password().orElse(""),
                            config.systemType().orElse(""),
                            TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                    config.responseTimeout().toMillis());
        } catch (IOException e) {
            s.close();
            LOG.warnf("smpp=bind-failed session=%d host=%s reason=%s retry-in=%s", index, config.host().orElse(""),
                    e.getMessage(), backoff);
            scheduleBind();
            return;
        }
        s.addSessionStateListener((now, before, source) -> {
            if (now == SessionState.CLOSED && source == session && !closed) {
                LOG.warnf("smpp=session-lost session=%d retry-in=%s", index, backoff);
                scheduleBind();
            }
        });
        session = s;
        backoff = config.reconnectBackoff();
        LOG.infof("smpp=bound session=%d host=%s port=%d system-id=%s", index, config.host().orElse(""),
                config.port(), config.systemId());
        if (s.getSessionState() == SessionState.CLOSED) { // lost between the bind and the listener
            scheduleBind();
        }
    }

    private synchronized void scheduleBind() {
        if (closed || bindScheduled) {
            return; // one re-bind at a time, however many signals say the session is gone
        }
        bindScheduled = true;
        Duration wait = backoff;
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(config.reconnectBackoffMax()) > 0 ? config.reconnectBackoffMax() : doubled;
        scheduler.schedule(this::bind, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Submits one segment; the SMSC's message id, or a {@link SubmitFailure}. */
    String submit(Submission m) throws SubmitFailure {
        SMPPSession s = session;
        if (s == null || !s.getSessionState().isBound()) {
            throw new SubmitFailure("session " + index + " not bound", true);
        }
        try {
            if (!window.tryAcquire(config.responseTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SubmitFailure("window of session " + index + " full for " + config.responseTimeout(), true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubmitFailure("interrupted waiting for the window", true);
        }
        try {
            pace();
            return s.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, m.from(),
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, m.to(), new ESMClass(m.esmClass()),
                    (byte) 0, (byte) 0, null, null,
                    new RegisteredDelivery(config.deliveryReceipts() ? SMSCDeliveryReceipt.SUCCESS_FAILURE
                            : SMSCDeliveryReceipt.DEFAULT),
                    (byte) 0, DataCodings.newInstance(m.coding().code()), (byte) 0, m.shortMessage())
                    .getMessageId();
        } catch (NegativeResponseException e) {
            int status = e.getCommandStatus();
            throw new SubmitFailure(SubmitStatus.name(status), SubmitStatus.isTransient(status));
        } catch (GenericNackResponseException e) { // the SMSC could not take the PDU at all: not accepted
            int status = e.getCommandStatus();
            throw new SubmitFailure("generic_nack " + SubmitStatus.name(status), SubmitStatus.isTransient(status));
        } catch (ResponseTimeoutException e) {
            throw new SubmitFailure("no submit_sm_resp within " + config.responseTimeout(), true);
        } catch (IOException e) {
            throw new SubmitFailure("connection: " + e.getMessage(), true);
        } catch (Exception e) { // PDUException (a field the PDU cannot hold), InvalidResponseException
            throw new SubmitFailure("submit_sm: " + e.getClass().getSimpleName() + " " + e.getMessage(), false);
        } finally {
            window.release();
        }
    }

    /** Waits for this submission's slot when a rate limit is set (slots are 1/max-rate apart). */
    private void pace() {
        if (rate != null) {
            rate.acquire();
        }
    }

    void close() {
        closed = true;
        SMPPSession s = session;
        if (s != null) {
            s.unbindAndClose();
        }
    }
}
