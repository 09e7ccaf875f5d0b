package io.baton.mms.mm7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.support.SharedTestData;

/**
 * Every file of {@code ../shared/testdata/mm7} (real MMSC captures and vendor examples) against what
 * {@code expected.jsonl} states about it: the decoded fields, or a precise refusal for the five
 * documentation examples that are not well-formed XML.
 */
class Mm7CorpusTest {

    static Stream<JsonNode> entries() throws IOException {
        Path dir = SharedTestData.folder("mm7");
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("expected.jsonl"))) {
            if (!line.isBlank()) {
                out.add(json.readTree(line));
            }
        }
        return out.stream();
    }

    @Test
    void everySampleFileHasAnExpectation() throws IOException {
        Path dir = SharedTestData.folder("mm7");
        List<String> expected = entries().map(e -> e.get("file").asText()).toList();
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> samples = files.filter(Files::isRegularFile)
                    .map(p -> "mm7/" + dir.relativize(p).toString().replace('\\', '/'))
                    .filter(f -> !f.endsWith(".headers") && !f.endsWith("expected.jsonl")).toList();
            assertThat(samples).hasSize(36).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void decodesOrRefusesPrecisely(JsonNode entry) throws Exception {
        Mm7Sample sample = Mm7Sample.load(SharedTestData.folder("mm7").getParent(), entry.get("file").asText());
        JsonNode want = entry.get("decoded_from_bytes");
        if (!want.get("xml_well_formed").asBoolean()) {
            assertThatThrownBy(() -> Mm7Decoder.DEFAULT.decode(sample.contentType(), sample.body()))
                    .isInstanceOf(Mm7Exception.class)
                    .satisfies(e -> {
                        Mm7Exception m = (Mm7Exception) e;
                        assertThat(m.statusCode()).isEqualTo(Mm7Status.MESSAGE_FORMAT_CORRUPT);
                        assertThat(m.where()).matches(".*(SOAP|part \\d).*XML line \\d+ column \\d+");
                        assertThat(m.reason()).startsWith("not well-formed");
                    });
            return;
        }
        Mm7Message m = Mm7Decoder.DEFAULT.decode(sample.contentType(), sample.body());
        String op = want.get("operation").asText();
        assertThat(m.operation()).isEqualTo(op.startsWith("SOAP Fault") ? "Fault" : op);
        for (Map.Entry<String, JsonNode> f : (Iterable<Map.Entry<String, JsonNode>>) want::fields) {
            String key = f.getKey();
            if (key.equals("xml_well_formed") || key.equals("operation")) {
                continue;
            }
            Object actual = Mm7Fields.of(m, key);
            if (key.equals("recipients")) {
                List<String> wanted = new ArrayList<>();
                f.getValue().forEach(r -> wanted.add(r.get("type").asText() + ":" + r.get("value").asText()));
                assertThat(actual).as(key).isEqualTo(wanted);
            } else {
                assertThat(actual).as(key).isEqualTo(f.getValue().isNull() ? null : f.getValue().asText());
            }
        }
    }
}
