package io.baton.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.ingest.api.IngestResponse;
import io.baton.ingest.domain.MmscEvent;

/** A posted batch split into Kafka records (key, JSON) and per-index rejections. */
public record MmscEventBatch(List<String[]> records, List<IngestResponse.Rejection> rejected) {

    public static MmscEventBatch read(List<JsonNode> elements, String clientId, ObjectMapper json, int maxEventBytes) {
        List<String[]> records = new ArrayList<>(elements.size());
        List<IngestResponse.Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            JsonNode node = elements.get(i);
            if (node == null) {
                rejected.add(new IngestResponse.Rejection(i, "not valid JSON"));
                continue;
            }
            MmscEventReader.Result r = MmscEventReader.read(node, clientId);
            if (r.error() != null) {
                rejected.add(new IngestResponse.Rejection(i, r.error()));
                continue;
            }
            MmscEvent e = r.event();
            String value;
            try {
                value = json.writeValueAsString(e);
            } catch (JsonProcessingException ex) {
                rejected.add(new IngestResponse.Rejection(i, "cannot be encoded"));
                continue;
            }
            if (value.getBytes(StandardCharsets.UTF_8).length > maxEventBytes) { // Kafka carries UTF-8
                rejected.add(new IngestResponse.Rejection(i, "event larger than " + maxEventBytes + " bytes"));
                continue;
            }
            records.add(new String[] { e.key(), value });
        }
        return new MmscEventBatch(records, rejected);
    }
}
