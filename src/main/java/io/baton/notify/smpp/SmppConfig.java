package io.baton.notify.smpp;

import java.time.Duration;
import java.util.Optional;

import io.baton.notify.domain.RetryPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The SMSC Baton sends notices to over SMPP 3.4 ({@code baton.smpp.*}). */
@ConfigMapping(prefix = "baton.smpp")
public interface SmppConfig {

    /** SMSC host name or address. Unset: notices go to the logging sender and no session is opened. */
    Optional<String> host();

    /** SMSC TCP port. */
    @WithDefault("2775")
    int port();

    /** The ESME's system_id in bind_transceiver. */
    @WithDefault("baton")
    String systemId();

    /** The bind password (from configuration or the environment only; at most 8 characters in SMPP 3.4). */
    Optional<String> password();

    /** The bind's system_type, if the SMSC asks for one. */
    Optional<String> systemType();

    /** Transceiver sessions (binds) kept open to the SMSC. */
    @WithDefault("1")
    int sessions();

    /** Window: at most this many submit_sm awaiting their submit_sm_resp per session. */
    @WithDefault("10")
    int window();

    /** Throughput limit in submit_sm per second per session; 0 means no limit. */
    @WithDefault("0")
    int maxRate();

    /** Interval of enquire_link keep-alives on an idle session. */
    @WithDefault("30s")
    Duration enquireLinkInterval();

    /** How long to wait for a bind_transceiver_resp or a submit_sm_resp before giving up on it. */
    @WithDefault("10s")
    Duration responseTimeout();

    /** First wait before re-binding a lost or refused session; doubles on each failure. */
    @WithDefault("1s")
    Duration reconnectBackoff();

    /** Cap of the reconnect wait. */
    @WithDefault("60s")
    Duration reconnectBackoffMax();

    /** How long a notice waits for a bound session before it counts as a transient failure. */
    @WithDefault("5s")
    Duration bindWait();

    /** Ask the SMSC for delivery receipts (registered_delivery 1: final success or failure). */
    @WithDefault("true")
    boolean deliveryReceipts();

    /**
     * How long a notice may stay claimed ({@code sent}) without every segment accepted before it
     * counts in {@code baton_outbox_unsettled{outbox="sms"}}: a crash between submit_sm and
     * recording its resp. Never re-sent automatically (SMPP has no dedupe); see docs/smpp.md.
     */
    @WithDefault("5m")
    Duration unsettledGrace();

    /** Retry of notices whose submission failed transiently. */
    Retry retry();

    interface Retry {
        /** Submission attempts per notice in all (the first included) before it ends {@code failed}. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the second attempt; doubles for each further one. */
        @WithDefault("10s")
        Duration backoff();

        /** Cap of the wait between attempts. */
        @WithDefault("10m")
        Duration backoffMax();
    }

    default RetryPolicy retryPolicy() {
        return new RetryPolicy(retry().maxAttempts(), retry().backoff(), retry().backoffMax());
    }
}
