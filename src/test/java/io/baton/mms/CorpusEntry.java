package io.baton.mms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.support.SharedTestData;

/**
 * One line of {@code ../shared/testdata/mms-pdu/expected.jsonl}: a third-party PDU read in place
 * (its licence forbids copying it here) with what the collection decoder and the source said.
 */
record CorpusEntry(String file, Path path, JsonNode json) {

    static List<CorpusEntry> all() {
        Path dir = SharedTestData.folder("mms-pdu");
        ObjectMapper mapper = new ObjectMapper();
        List<CorpusEntry> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dir.resolve("expected.jsonl"))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode json = mapper.readTree(line);
                String file = json.get("file").asText();
                entries.add(new CorpusEntry(file, dir.getParent().resolve(file), json));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    byte[] bytes() {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isPush() {
        return file.endsWith(".wsp-push");
    }

    boolean isNegative() {
        return file.startsWith("mms-pdu/negative/");
    }

    JsonNode decoded() {
        return json.get("decoded_from_bytes");
    }

    JsonNode stated() {
        JsonNode stated = json.path("stated_by_source").path("values");
        return stated.isMissingNode() ? null : stated;
    }

    boolean discrepancyMentions(String text) {
        for (JsonNode d : json.path("source_vs_bytes_discrepancies")) {
            if (d.asText().contains(text)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return file;
    }
}
