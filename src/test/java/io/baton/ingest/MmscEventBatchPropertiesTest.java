package io.baton.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class MmscEventBatchPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> FIELDS = List.of("type", "mmsc", "messageId", "from", "to", "at", "subject",
            "parts", "pdu", "status", "contentType", "name", "data", "extra");

    @Property(tries = 1000)
    void randomJsonTreesNeverThrowAndEveryElementIsAccountedFor(@ForAll("batches") List<JsonNode> batch) {
        MmscEventBatch b = MmscEventBatch.read(batch, "mmsc-js", JSON, 1_000_000);
        assertAccountedFor(batch, b);
    }

    @Property(tries = 1000)
    void mutatedValidEventsNeverThrowAndEveryElementIsAccountedFor(@ForAll("mutatedEvents") List<JsonNode> batch) {
        MmscEventBatch b = MmscEventBatch.read(batch, "mmsc-js", JSON, 1_000_000);
        assertAccountedFor(batch, b);
    }

    private static void assertAccountedFor(List<JsonNode> batch, MmscEventBatch b) {
        assertThat(b.records().size() + b.rejected().size()).isEqualTo(batch.size());
        Set<Integer> indices = new HashSet<>();
        b.rejected().forEach(r -> {
            assertThat(r.index()).isBetween(0, batch.size() - 1);
            assertThat(r.error()).isNotBlank();
            indices.add(r.index());
        });
        assertThat(indices).hasSameSizeAs(b.rejected());
        for (String[] record : b.records()) {
            assertThat(record[0]).isNotNull();
            assertThat(record[1]).startsWith("{");
        }
    }

    @Provide
    Arbitrary<List<JsonNode>> batches() {
        return tree(4).injectNull(0.1)
                .list().ofMaxSize(6);
    }

    private Arbitrary<JsonNode> tree(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(F::textNode),
                Arbitraries.of("submit", "delivery", "retrieved", "+8613905000001", "2008-01-15T10:00:00+08:00",
                        "QUJD", "QQ=A", "", " ").map(F::textNode),
                Arbitraries.integers().map(F::numberNode),
                Arbitraries.doubles().map(F::numberNode),
                Arbitraries.of(true, false).map(F::booleanNode),
                Arbitraries.just(F.nullNode()),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(F::binaryNode));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonNode> child = Arbitraries.lazy(() -> tree(depth - 1));
        Arbitrary<JsonNode> array = child.list().ofMaxSize(4).map(l -> {
            ArrayNode a = F.arrayNode();
            l.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> object = Combinators.combine(Arbitraries.of(FIELDS), child).as(Tuple::of).list()
                .ofMaxSize(6).map(l -> {
                    ObjectNode o = F.objectNode();
                    l.forEach(t -> o.set(t.get1(), t.get2()));
                    return o;
                });
        return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(2, array), Tuple.of(4, object));
    }

    @Provide
    Arbitrary<List<JsonNode>> mutatedEvents() {
        Arbitrary<JsonNode> mutated = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(FIELDS),
                tree(2), Arbitraries.of(true, false)).as((submit, field, value, inPart) -> {
                    ObjectNode e = submit ? validSubmit() : validDelivery();
                    ObjectNode target = inPart && submit ? (ObjectNode) e.get("parts").get(0) : e;
                    target.set(field, value);
                    return e;
                });
        return mutated.list().ofMinSize(1).ofMaxSize(5).map(ArrayList::new);
    }

    private static ObjectNode validSubmit() {
        ObjectNode e = F.objectNode().put("type", "submit").put("messageId", "m-1").put("from", "8613905000001")
                .put("at", "2008-01-15T10:00:00+08:00").put("subject", "Fwd");
        e.putArray("to").add("8613906000002");
        e.putArray("parts").addObject().put("contentType", "text/plain").put("data", "aGVsbG8=");
        return e;
    }

    private static ObjectNode validDelivery() {
        return F.objectNode().put("type", "delivery").put("messageId", "m-1").put("to", "8613906000002")
                .put("status", "retrieved").put("at", "2008-01-15T10:05:00+08:00");
    }
}
