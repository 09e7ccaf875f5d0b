package io.baton.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.support.SharedTestData;

/**
 * The 121 third-party PDUs of {@code ../shared/testdata/mms-pdu} (read in place) pushed raw as
 * {@code application/vnd.wap.mms-message}: each becomes one event or one precise rejection, never an
 * exception. m-delivery-ind become deliveries (two write {@code /TYPE=PLNM}, tolerated), m-send-req and
 * m-retrieve-conf submits unless they name no recipient (a message without parts is ordinary traffic,
 * a submit with no parts); every other type is refused.
 */
class MmscRecordPduCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A raw record cannot add recipients: a message whose PDU names none (all in Bcc) is refused. */
    private static final String NO_RECIPIENT = "to: required (the content names no recipient)";

    @Test
    void everyRealPduIsAnEventOrAPreciseRejection() throws Exception {
        Path folder = SharedTestData.folder("mms-pdu");
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> manifest = Files.readAllLines(folder.resolve("MANIFEST.tsv"));
        for (String line : manifest.subList(1, manifest.size())) {
            String[] columns = line.split("\t");
            Path file = folder.getParent().resolve(columns[0]);
            String type = columns[2];
            MmscEventBatch b = MmscEventBatch.readRecord(new MmscEventBatch.RawRecord(false, Files.readAllBytes(file),
                    "corpus", "given-id", "8613905000001"), "client", JSON, 4_000_000, Instant.EPOCH);

            assertThat(b.records().size() + b.rejected().size()).as(columns[0]).isEqualTo(1);
            if (b.records().isEmpty()) {
                String error = b.rejected().get(0).error();
                assertThat(error).as(columns[0]).matches("(body|pdu|from|messageId|to[^:]*): .+");
                outcomes.merge(type + " rejected", 1, Integer::sum);
                if (type.matches("m-(delivery-ind|retrieve-conf|send-req)")) {
                    assertThat(error).as(columns[0]).isEqualTo(NO_RECIPIENT);
                }
                continue;
            }
            JsonNode event = JSON.readTree(b.records().get(0)[1]);
            String expected = type.equals("m-delivery-ind") ? "delivery" : "submit";
            assertThat(event.get("type").asText()).as(columns[0]).isEqualTo(expected);
            outcomes.merge(type + " → " + expected, 1, Integer::sum);
        }
        assertThat(outcomes).containsEntry("m-delivery-ind → delivery", 3)
                .containsEntry("m-send-req → submit", 12).containsEntry("m-send-req rejected", 2)
                .containsEntry("m-retrieve-conf → submit", 27).containsEntry("m-retrieve-conf rejected", 10)
                .doesNotContainKey("m-delivery-ind rejected");
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(121);
    }

    /**
     * Posted as {@code pdu} of a submit event that names sender and recipient, every real m-send-req
     * and m-retrieve-conf is a submit, those without parts included (they were refused once).
     */
    @Test
    void everyRealSendReqAndRetrieveConfIsASubmitWhenTheEventNamesItsParties() throws Exception {
        Path folder = SharedTestData.folder("mms-pdu");
        List<String> manifest = Files.readAllLines(folder.resolve("MANIFEST.tsv"));
        int submits = 0;
        int withoutParts = 0;
        for (String line : manifest.subList(1, manifest.size())) {
            String[] columns = line.split("\t");
            if (!columns[2].matches("m-(retrieve-conf|send-req)")) {
                continue;
            }
            byte[] pdu = Files.readAllBytes(folder.getParent().resolve(columns[0]));
            JsonNode event = JSON.createObjectNode().put("type", "submit").put("mmsc", "corpus")
                    .put("messageId", "m-" + submits).put("from", "8613905000001")
                    .put("at", "2008-01-12T12:00:00+08:00")
                    .put("pdu", java.util.Base64.getEncoder().encodeToString(pdu))
                    .set("to", JSON.createArrayNode().add("8613906000002"));
            MmscEventBatch b = MmscEventBatch.read(List.of(event), "client", JSON, 4_000_000);

            assertThat(b.rejected()).as(columns[0]).isEmpty();
            JsonNode published = JSON.readTree(b.records().get(0)[1]);
            assertThat(published.get("type").asText()).as(columns[0]).isEqualTo("submit");
            submits++;
            if (published.path("parts").isEmpty()) {
                withoutParts++;
            }
        }
        assertThat(submits).isEqualTo(51);
        assertThat(withoutParts).as("messages without parts, accepted as submits").isPositive();
    }
}
