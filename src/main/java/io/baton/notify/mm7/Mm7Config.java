package io.baton.notify.mm7;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The MM7 connector ({@code baton.mm7.*}): Baton as a VASP of one MMSC. */
@ConfigMapping(prefix = "baton.mm7")
public interface Mm7Config {

    /** The MMSC's MM7 endpoint for SubmitReq; unset: seeds go to the logging sender. */
    Optional<URI> url();

    /** VASPID: who Baton is to the MMSC (SenderIdentification). */
    @WithDefault("baton")
    String vaspId();

    /** VASID: the service within the VASP (SenderIdentification). */
    @WithDefault("baton")
    String vasId();

    /** HTTP basic user towards the MMSC; unset: no Authorization header. */
    Optional<String> username();

    /** HTTP basic password towards the MMSC (from the environment in production). */
    Optional<String> password();

    /** ServiceCode of each SubmitReq (the MMSC's charging code); unset: none sent. */
    Optional<String> serviceCode();

    /**
     * Largest request an MMSC may post to {@code POST /mm7} (a DeliverReq carries the MMS itself);
     * larger: a 413 SOAP Fault, before reading when the length is declared.
     */
    @WithDefault("8388608")
    long maxRequestBytes();

    /** Most SubmitReqs per second (over all threads of this instance). */
    @WithDefault("20")
    double maxRate();

    /** How long a SubmitReq may take (connect and answer) before it counts as a transient failure. */
    @WithDefault("10s")
    Duration timeout();

    /** The MM7 schema namespace to speak, by its release name. */
    @WithDefault("REL-6-MM7-1-4")
    String namespace();

    /** The MM7Version element written with {@link #namespace()}. */
    @WithDefault("6.8.0")
    String mm7Version();

    /** Addresses (CIDRs, or single IPs) MMSCs may post to {@code POST /mm7} from; unset: any. */
    Optional<List<String>> allowedIps();

    /** How often seeds waiting for another attempt are looked for. */
    @WithDefault("1s")
    Duration retryInterval();

    /**
     * How long a seed may stay claimed ({@code sent}) without a MessageID before it counts in
     * {@code baton_outbox_unsettled{outbox="mms"}}: a crash between the SubmitReq and recording its
     * SubmitRsp. Must exceed {@link #timeout()}.
     */
    @WithDefault("5m")
    Duration unsettledGrace();

    /**
     * Resend seeds unsettled for longer than {@link #unsettledGrace()} with the same TransactionID,
     * for an MMSC that dedupes by it; false leaves them to the operator (docs/mm7.md).
     */
    @WithDefault("false")
    boolean resendUnsettled();

    /** Retries of transient failures. */
    Retry retry();

    interface Retry {
        /** Most SubmitReq attempts per seed, the first included; then the seed is {@code failed}. */
        @WithDefault("6")
        int maxAttempts();

        /** Wait before the second attempt; doubled for each further one. */
        @WithDefault("2s")
        Duration initialBackoff();

        /** Longest wait between attempts. */
        @WithDefault("5m")
        Duration maxBackoff();
    }

    /** The full namespace URI of {@link #namespace()} (a full URI is taken as is). */
    default String namespaceUri() {
        String ns = namespace().strip();
        return ns.contains("/") ? ns : "http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/" + ns;
    }
}
