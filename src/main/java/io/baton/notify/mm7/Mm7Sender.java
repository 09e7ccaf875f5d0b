package io.baton.notify.mm7;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.baton.campaign.domain.Campaign;
import io.baton.common.Msisdn;
import io.baton.mms.mm7.Mm7Address;
import io.baton.mms.mm7.Mm7Body;
import io.baton.mms.mm7.Mm7Decoder;
import io.baton.mms.mm7.Mm7Encoder;
import io.baton.mms.mm7.Mm7Exception;
import io.baton.mms.mm7.Mm7Header;
import io.baton.mms.mm7.Mm7Message;
import io.baton.mms.mm7.Mm7Part;
import io.baton.notify.SendRate;
import io.baton.notify.messaging.MmsOutbound;
import io.baton.notify.domain.RetryPolicy;
import io.baton.notify.mm7.domain.SubmitOutcome;
import io.baton.notify.mm7.store.SeedSendMm7Repository;
import io.baton.recognition.domain.tag.SeedTagging;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Sends a seed to the MMSC by SubmitReq and records the outcome on its {@code seed_send} row:
 * accepted (MessageID kept), transient (another attempt after a backoff, by {@link Mm7RetryScheduler}),
 * permanent (state {@code failed} with the status text). The TransactionID is derived from the row,
 * so every attempt for one seed carries the same one and an MMSC can recognise a repeat.
 */
@Startup // a wrong setting (rate, retry, allow-list) stops the start, not the first request
@ApplicationScoped
public class Mm7Sender {

    private static final Logger LOG = Logger.getLogger("io.baton.notify.mm7");
    /** A reply to an MO MMS is linked to it only while the MMSC still knows the LinkedID. */
    private static final Duration LINKED_ID_AGE = Duration.ofHours(24);

    private final Mm7Config config;
    private final SeedSendMm7Repository seeds;
    private final SendRate rate;
    private final RetryPolicy retry;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Mm7Encoder encoder = new Mm7Encoder();
    private final HttpClient http;

    public Mm7Sender(Mm7Config config, SeedSendMm7Repository seeds, Clock clock, MeterRegistry metrics) {
        this.config = config;
        this.seeds = seeds;
        this.clock = clock;
        this.metrics = metrics;
        if (config.unsettledGrace().compareTo(config.timeout()) <= 0) {
            // a shorter grace would resend (or count) seeds whose SubmitReq is still waiting for its answer
            throw new IllegalArgumentException("baton.mm7.unsettled-grace (" + config.unsettledGrace()
                    + ") must exceed baton.mm7.timeout (" + config.timeout() + ")");
        }
        this.rate = new SendRate(config.maxRate());
        this.retry = new RetryPolicy(config.retry().maxAttempts(), config.retry().initialBackoff(),
                config.retry().maxBackoff());
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The TransactionID of every SubmitReq for one seed_send row. */
    public static String transactionId(long seedSendId) {
        return "baton-seed-" + seedSendId;
    }

    /** The first attempt, on a row just claimed. */
    public void send(MmsOutbound seed, Campaign campaign, List<SeedTagging.TaggedPart> parts) {
        attempt(seed, campaign, parts, 0);
    }

    /** One attempt after {@code attemptsMade} earlier ones; records its outcome. */
    public SubmitOutcome attempt(MmsOutbound seed, Campaign campaign, List<SeedTagging.TaggedPart> parts,
            int attemptsMade) {
        int attempt = attemptsMade + 1;
        Mm7Body body = encoder.encode(submitReq(seed, campaign, parts));
        seeds.attemptBegun(seed.id(), attempt);
        rate.acquire();
        SubmitOutcome outcome = post(body);
        String to = Msisdn.mask(seed.to());
        if (outcome instanceof SubmitOutcome.Accepted a) {
            seeds.accepted(seed.id(), attempt, a.messageId());
            metrics.counter("baton.mm7.submits", "outcome", "accepted").increment();
            LOG.debugf("mm7=submit-accepted id=%d to=%s attempt=%d message-id=%s", seed.id(), to, attempt,
                    a.messageId());
        } else if (outcome instanceof SubmitOutcome.Transient t && retry.nextDelay(attempt).isPresent()) {
            Duration wait = retry.nextDelay(attempt).get();
            seeds.retryLater(seed.id(), attempt, clock.instant().plus(wait), t.reason());
            metrics.counter("baton.mm7.submits", "outcome", "retry").increment();
            LOG.infof("mm7=submit-retry id=%d to=%s attempt=%d wait=%s reason=\"%s\"", seed.id(), to, attempt, wait,
                    t.reason());
        } else {
            String reason = outcome instanceof SubmitOutcome.Permanent p ? p.reason()
                    : "gave up after " + attempt + " attempts: " + ((SubmitOutcome.Transient) outcome).reason();
            seeds.failed(seed.id(), attempt, reason);
            metrics.counter("baton.mm7.submits", "outcome", "failed").increment();
            LOG.warnf("mm7=submit-failed id=%d to=%s attempt=%d reason=\"%s\"", seed.id(), to, attempt, reason);
        }
        return outcome;
    }

    private Mm7Message.SubmitReq submitReq(MmsOutbound seed, Campaign campaign,
            List<SeedTagging.TaggedPart> parts) {
        List<Mm7Part> content = new ArrayList<>(parts.size());
        for (SeedTagging.TaggedPart p : parts) {
            content.add(new Mm7Part(p.contentType(), p.name(), p.name(), p.data()));
        }
        String linkedId = seeds.linkedId(seed.to(), LINKED_ID_AGE).orElse(null);
        return new Mm7Message.SubmitReq(
                Mm7Header.of(config.namespaceUri(), transactionId(seed.id()), config.mm7Version()),
                config.vaspId(), config.vasId(), Mm7Address.shortCode(campaign.shortCode()),
                List.of(new Mm7Message.Recipient("To", Mm7Address.number(seed.to()))),
                config.serviceCode().orElse(null), linkedId, true, campaign.seed().subject(),
                clock.instant().toString(), null, content);
    }

    private SubmitOutcome post(Mm7Body body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(config.url().orElseThrow()).timeout(config.timeout())
                .header("Content-Type", body.contentType()).header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.body()));
        if (config.username().isPresent()) {
            String credentials = config.username().get() + ":" + config.password().orElse("");
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return new SubmitOutcome.Transient("timeout after " + config.timeout());
        } catch (IOException e) {
            return new SubmitOutcome.Transient("connection failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SubmitOutcome.Transient("interrupted");
        }
        try {
            Mm7Message answer = Mm7Decoder.DEFAULT.decode(response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
            return SubmitOutcome.ofResponse(response.statusCode(), answer, null);
        } catch (Mm7Exception e) {
            return SubmitOutcome.ofResponse(response.statusCode(), null, e.getMessage());
        }
    }
}
