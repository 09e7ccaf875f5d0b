package io.baton.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.ingest.api.IngestResponse;
import io.baton.ingest.domain.MmscEvent;

/** A posted batch split into Kafka records (key, JSON), per-index rejections and records read but not published. */
public record MmscEventBatch(List<String[]> records, List<IngestResponse.Rejection> rejected,
        List<IngestResponse.Ignored> ignored) {

    /** A batch received now; see {@link #read(List, String, ObjectMapper, int, Instant)}. */
    public static MmscEventBatch read(List<JsonNode> elements, String clientId, ObjectMapper json, int maxEventBytes) {
        return read(elements, clientId, json, maxEventBytes, Instant.now());
    }

    /** @param receivedAt the time given to an MM4 record or PDU that carries no date of its own */
    public static MmscEventBatch read(List<JsonNode> elements, String clientId, ObjectMapper json, int maxEventBytes,
            Instant receivedAt) {
        List<String[]> records = new ArrayList<>(elements.size());
        List<IngestResponse.Rejection> rejected = new ArrayList<>();
        List<IngestResponse.Ignored> ignored = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            JsonNode node = elements.get(i);
            if (node == null) {
                rejected.add(new IngestResponse.Rejection(i, "not valid JSON"));
                continue;
            }
            MmscEventReader.Result r = MmscEventReader.read(node, clientId, receivedAt);
            if (r.error() != null) {
                rejected.add(new IngestResponse.Rejection(i, r.error()));
                continue;
            }
            if (r.ignored() != null) {
                ignored.add(new IngestResponse.Ignored(i, r.ignored()));
                continue;
            }
            try {
                records.add(record(r.event(), json, maxEventBytes));
            } catch (Invalid e) {
                rejected.add(new IngestResponse.Rejection(i, e.getMessage()));
            }
        }
        return new MmscEventBatch(records, rejected, ignored);
    }

    /**
     * One record as an MMSC pushes it to the raw endpoint: an MM4 message or a binary PDU, read
     * with the same rules as in a batch. A refused record comes back as a rejection at index 0.
     */
    public static MmscEventBatch readRecord(RawRecord record, String clientId, ObjectMapper json, int maxEventBytes,
            Instant receivedAt) {
        try {
            String mmsc = MmscEventReader.mmsc(record.mmsc(), clientId);
            MmscEventReader.Result r = record.mm4() ? MmscRecordReader.mm4("body", record.body(), mmsc, receivedAt)
                    : MmscRecordReader.pdu("body", record.body(), mmsc, receivedAt, record.messageId(), record.from());
            if (r.ignored() != null) {
                return new MmscEventBatch(List.of(), List.of(), List.of(new IngestResponse.Ignored(0, r.ignored())));
            }
            return new MmscEventBatch(List.<String[]>of(record(r.event(), json, maxEventBytes)), List.of(), List.of());
        } catch (Invalid e) {
            return new MmscEventBatch(List.of(), List.of(new IngestResponse.Rejection(0, e.getMessage())), List.of());
        }
    }

    /**
     * A record pushed on its own.
     *
     * @param mm4       an MM4 message ({@code message/rfc822}); else a binary PDU
     * @param mmsc      the MMSC to record it under; null: the authenticated client
     * @param messageId for an m-send-req, which has none; null otherwise
     * @param from      for an m-send-req whose From is the insert-address token; null otherwise
     */
    public record RawRecord(boolean mm4, byte[] body, String mmsc, String messageId, String from) {
    }

    /** Key and JSON value of the Kafka record. */
    private static String[] record(MmscEvent event, ObjectMapper json, int maxEventBytes) {
        MmscEvent e = StorableEvent.of(event);
        String value;
        try {
            value = json.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new Invalid("cannot be encoded");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > maxEventBytes) { // Kafka carries UTF-8
            throw new Invalid("event larger than " + maxEventBytes + " bytes");
        }
        return new String[] { e.key(), value };
    }
}
