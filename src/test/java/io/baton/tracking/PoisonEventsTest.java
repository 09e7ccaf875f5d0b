package io.baton.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.ingest.domain.MmscEvent;
import io.baton.support.Api;
import io.baton.support.EventFixtures;
import io.baton.support.SeededRandom;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 15, item 1: a 10,000-record stream on {@code mmsc-events} with 50 records the store cannot
 * take mixed in (not JSON, not an event, a NUL in an identifier, a year PostgreSQL cannot parse, a
 * part without its data). Every good forward is credited exactly once, the 50 are in the
 * dead-letter list at their offsets, and the consumer group has read everything.
 */
@QuarkusTest
class PoisonEventsTest {

    static final String CAMPAIGN = "poison";
    static final byte[] IMAGE = EventFixtures.image(15_001);
    static final int SENDERS = 199;
    static final int RECIPIENTS_EACH = 25; // 4,975 forwards: 9,950 events
    static final int POISON = 50;
    static final String TOPIC = "mmsc-events";
    static final ObjectMapper JSON = new ObjectMapper();
    static final MmscEvent.Part IMAGE_PART = new MmscEvent.Part("image/jpeg", "torch.jpg",
            Base64.getEncoder().encodeToString(IMAGE));
    static final String AT_DELIVERED = "2008-05-01T10:00:09+08:00";

    private record Rec(String key, String value, boolean poison) {
    }

    @Test
    void poisonEventsGoToTheDeadLetterListAndEverythingElseIsCreditedOnce() throws Exception {
        Api.putCampaign(CAMPAIGN, EventFixtures.campaignYaml(CAMPAIGN, "10651501", IMAGE, "#poison#"))
                .statusCode(anyOf(equalTo(200), equalTo(201)));
        List<Rec> stream = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            String sender = String.format("86150%08d", 150_000 + s);
            for (int r = 0; r < RECIPIENTS_EACH; r++) {
                String recipient = String.format("86151%08d", 150_000 + s * 100 + r);
                String id = "pz-" + s + "-" + r;
                stream.add(new Rec(sender, JSON.writeValueAsString(submit(id, sender, recipient, IMAGE_PART)), false));
                stream.add(new Rec(id, JSON.writeValueAsString(delivery(id, recipient, AT_DELIVERED)), false));
            }
        }
        for (int p = 0; p < POISON; p++) {
            stream.add(poison(p));
        }
        Collections.shuffle(stream, new SeededRandom(15));
        long deadBefore = deadLetterTotal();

        Set<String> poisonAt = new HashSet<>();
        Set<TopicPartition> partitions = new HashSet<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Rec r : stream) {
                sent.add(producer.send(new ProducerRecord<>(TOPIC, r.key(), r.value())));
            }
            for (int i = 0; i < sent.size(); i++) {
                RecordMetadata m = sent.get(i).get();
                partitions.add(new TopicPartition(m.topic(), m.partition()));
                if (stream.get(i).poison()) {
                    poisonAt.add(m.partition() + "/" + m.offset());
                }
            }
        }
        assertThat(poisonAt).hasSize(POISON);

        int forwards = SENDERS * RECIPIENTS_EACH;
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> assertThat(Api.stats(CAMPAIGN))
                .containsEntry("forwards", forwards)
                .containsEntry("serialsIssued", forwards)
                .containsEntry("participants", SENDERS));
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(deadLetterTotal())
                .isEqualTo(deadBefore + POISON));
        List<Map<String, Object>> letters = Api.admin().queryParam("limit", 1000).get("/api/v1/admin/dead-letters")
                .then().statusCode(200).extract().jsonPath().getList("deadLetters");
        Set<String> listed = letters.stream().filter(l -> poisonAt.contains(l.get("partition") + "/" + l.get("offset")))
                .map(l -> l.get("partition") + "/" + l.get("offset")).collect(Collectors.toSet());
        assertThat(listed).isEqualTo(poisonAt);
        assertThat(letters).filteredOn(l -> poisonAt.contains(l.get("partition") + "/" + l.get("offset")))
                .allSatisfy(l -> {
                    assertThat((String) l.get("error")).isNotBlank();
                    assertThat((String) l.get("payload")).isNotEmpty();
                    assertThat(l.get("reason")).isIn("unreadable", "poison");
                });
        // the consumer group has read every record: lag is back to zero on every partition
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lag(partitions)).isZero());
        // and still the stats: nothing was credited twice while the poison was retried
        assertThat(Api.stats(CAMPAIGN)).containsEntry("forwards", forwards).containsEntry("serialsIssued", forwards);
    }

    /** Ten of each kind. */
    private static Rec poison(int p) throws Exception {
        String id = "pz-poison-" + p;
        String sender = String.format("86150%08d", 159_000 + p);
        String recipient = String.format("86151%08d", 159_000 + p);
        return switch (p % 5) {
            case 0 -> new Rec(id, "{\"type\":\"submit\",\"messageId\":", true); // cut short: not JSON
            case 1 -> new Rec(id, "{\"type\":\"fax\",\"messageId\":\"" + id + "\"}", true); // not an event
            case 2 -> new Rec(id, JSON.writeValueAsString(delivery(id + "\u0000", recipient, AT_DELIVERED)), true);
            case 3 -> new Rec(id, JSON.writeValueAsString(delivery(id, recipient, "+10000-05-01T10:00:09+08:00")), true);
            // a part without its data fails in Baton's own code
            default -> new Rec(sender, JSON.writeValueAsString(submit(id, sender, recipient,
                    new MmscEvent.Part("image/jpeg", null, null))), true);
        };
    }

    /** Events as ingest writes them to Kafka: it validated them, these records skip that. */
    private static MmscEvent submit(String id, String sender, String recipient, MmscEvent.Part part) {
        return new MmscEvent(MmscEvent.SUBMIT, "nj-1", id, sender, List.of(recipient), "2008-05-01T10:00+08:00",
                "Fwd: torch", List.of(part), null);
    }

    private static MmscEvent delivery(String id, String recipient, String at) {
        return new MmscEvent(MmscEvent.DELIVERY, "nj-1", id, null, List.of(recipient), at, null, null, "retrieved");
    }

    private static long deadLetterTotal() {
        return Api.admin().get("/api/v1/admin/dead-letters").then().statusCode(200).extract().jsonPath()
                .getLong("total");
    }

    private static long lag(Set<TopicPartition> partitions) throws Exception {
        Properties p = new Properties();
        p.putAll(kafka());
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("baton-tracking")
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            long lag = 0;
            for (var e : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        }
    }

    private static Map<String, Object> producerConfig() {
        Map<String, Object> p = new java.util.HashMap<>(kafka());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }

    private static Map<String, Object> kafka() {
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    }
}
