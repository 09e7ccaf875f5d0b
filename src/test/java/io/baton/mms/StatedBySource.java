package io.baton.mms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a decoded corpus PDU against what its upstream source states ({@code stated_by_source}):
 * mmsd's comments, python-messaging's and mms-engine's test assertions, MuditaOS's sections. Where
 * the corpus documents that source and bytes disagree, the bytes win: mmsd's comments drop the
 * {@code +} of addresses, python-messaging fills an absent Transaction-Id with its default 1234,
 * mms-engine synthesises Content-IDs from Content-Location. Keys that describe rather than state
 * (description, note, outcome) are not values and are skipped.
 */
final class StatedBySource {

    private static final Set<String> DESCRIPTIVE = Set.of("description", "note", "stated_in", "source_comment",
            "outcome", "reason", "details", "status", "parse_ok");
    private static final Pattern MMSD_DATE = Pattern.compile(
            "(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)([+-]?)(\\d\\d)(\\d{0,2})");

    private final CorpusEntry entry;
    private final MmsPdu pdu;
    private final DecodedMmsPdu details;
    private final byte[] bytes;
    private final int size;

    StatedBySource(CorpusEntry entry, DecodedMmsPdu details, byte[] bytes) {
        this.entry = entry;
        this.pdu = details.pdu();
        this.details = details;
        this.bytes = bytes;
        this.size = bytes.length;
    }

    /** Checks every stated value this class understands; returns how many it checked. */
    int check() {
        return checkAll(entry.stated());
    }

    private int checkAll(JsonNode values) {
        int checked = 0;
        Iterator<Map.Entry<String, JsonNode>> it = values.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals("headers")) {
                checked += checkAll(f.getValue());
            } else if (!DESCRIPTIVE.contains(f.getKey()) && checkOne(f.getKey(), f.getValue())) {
                checked++;
            }
        }
        return checked;
    }

    private boolean checkOne(String key, JsonNode v) {
        String as = entry.file() + " stated " + key;
        String text = v.asText();
        switch (key) {
            case "from_contains":
                assertThat(header("From")).as(as).contains(text);
                return true;
            case "from":
            case "From":
                assertThat(address(header("From"))).as(as).isEqualTo(address(nullable(text)));
                return true;
            case "To":
                List<String> to = new ArrayList<>();
                values("To").forEach(t -> to.add(address(((MmsEncodedString) t).text())));
                List<String> stated = new ArrayList<>();
                for (String s : text.split(",")) {
                    if (nullable(s) != null) {
                        stated.add(address(s));
                    }
                }
                assertThat(to).as(as).isEqualTo(stated);
                return true;
            case "to":
                assertThat(values("To")).as(as).extracting(t -> ((MmsEncodedString) t).text()).containsExactly(text);
                return true;
            case "content_location":
            case "Location":
            case "Content-Location":
                assertThat(header("X-Mms-Content-Location")).as(as).isNotNull();
                assertThat(header("X-Mms-Content-Location").strip()).as(as).isEqualTo(text);
                return true;
            case "message_id":
            case "Msg-Id":
                assertThat(header("Message-ID")).as(as).isEqualTo(nullable(text));
                return true;
            case "MMS transaction id":
            case "Transaction-Id":
            case "transaction_id":
                String tid = header("X-Mms-Transaction-Id");
                if (tid == null && text.equals("1234")) {
                    assertThat(entry.discrepancyMentions("default")).as(as).isTrue();
                } else {
                    assertThat(tid).as(as).isEqualTo(nullable(text));
                }
                return true;
            case "MMS message type":
            case "Message-Type":
            case "type":
                String type = text.toLowerCase(Locale.ROOT).replace("mms_message_type_", "m-").replace('_', '-');
                assertThat(pdu.messageType().specName()).as(as).isEqualTo(type.startsWith("m-") ? type : "m-" + type);
                return true;
            case "MMS version":
            case "MMS-Version":
            case "version":
                assertThat(pdu.mmsVersion()).as(as).isEqualTo(text.replace("MMS_MESSAGE_VERSION_", "").replace('_', '.'));
                return true;
            case "Overall message size":
                if (!entry.discrepancyMentions("typo")) {
                    assertThat(size).as(as).isEqualTo(Integer.parseInt(text));
                }
                return true;
            case "Subject":
                String subject = header("Subject");
                assertThat(subject).as(as).isEqualTo(nullable(text));
                return true;
            case "Class":
            case "Message-Class":
                assertThat(header("X-Mms-Message-Class")).as(as).isEqualTo(nullable(text));
                return true;
            case "Priority":
                assertThat(header("X-Mms-Priority")).as(as).isEqualToIgnoringCase(nullable(text));
                return true;
            case "Size":
            case "Message-Size":
                assertThat(header("X-Mms-Message-Size")).as(as).isEqualTo(text);
                return true;
            case "Date":
                assertThat(values("Date")).as(as).containsExactly(date(text));
                return true;
            case "Expiry":
                MmsTimeValue expiry = (MmsTimeValue) values("X-Mms-Expiry").get(0);
                if (v.isNumber()) {
                    assertThat(expiry).as(as).isEqualTo(new MmsTimeValue(true, v.asLong()));
                } else {
                    assertThat(expiry.relative() || expiry.resolve(Instant.EPOCH).equals(date(text))).as(as).isTrue();
                }
                return true;
            case "Response-Status":
                MmsResponseStatus status = (MmsResponseStatus) values("X-Mms-Response-Status").get(0);
                assertThat(status.name().replace('_', '-')).as(as).isEqualToIgnoringCase(text);
                return true;
            case "delivery_status":
            case "notify_status":
                MmsStatus s = (MmsStatus) values("X-Mms-Status").get(0);
                assertThat(text).as(as).endsWith("_STATUS_" + s.name());
                return true;
            case "read_status":
                MmsReadStatus r = (MmsReadStatus) values("X-Mms-Read-Status").get(0);
                assertThat(text).as(as).endsWith(r == MmsReadStatus.READ ? "_READ" : "_DELETED");
                return true;
            case "dr":
                assertThat(values("X-Mms-Delivery-Report")).as(as).containsExactly(v.asBoolean());
                return true;
            case "content_type":
                assertThat(text).as(as).contains(RealPduCorpusTest.body(pdu).contentType().mediaType());
                return true;
            case "Attachments":
                // mmsd states where each part's data lies in the file, its length, type and id.
                List<MmsPart> attached = RealPduCorpusTest.body(pdu).parts();
                assertThat(attached).as(as).hasSize(v.size());
                for (int i = 0; i < v.size(); i++) {
                    JsonNode a = v.get(i);
                    MmsPart part = attached.get(i);
                    int offset = a.get("Offset").asInt();
                    assertThat(part.size()).as(as).isEqualTo(a.get("Length").asInt());
                    assertThat(java.util.Arrays.copyOfRange(bytes, offset, offset + part.size())).as(as).isEqualTo(part.data());
                    assertThat(part.contentId()).as(as).isEqualTo(a.get("Content-id").asText());
                    String[] typeAndParams = a.get("Content-type").asText().split(";");
                    assertThat(part.contentType().mediaType()).as(as).isEqualTo(typeAndParams[0]);
                    for (int p = 1; p < typeAndParams.length; p++) {
                        String[] kv = typeAndParams[p].split("=", 2);
                        assertThat(part.contentType().parameter(kv[0].strip())).as(as).isEqualTo(kv[1].strip());
                    }
                }
                return true;
            case "part_count":
                assertThat(RealPduCorpusTest.body(pdu).parts()).as(as).hasSize(v.asInt());
                return true;
            case "part_content_types_by_index":
                v.fields().forEachRemaining(p -> assertThat(RealPduCorpusTest.body(pdu).parts()
                        .get(Integer.parseInt(p.getKey())).contentType().mediaType()).as(as).isEqualTo(p.getValue().asText()));
                return true;
            case "parts_after_mms_engine_processing":
                List<MmsPart> parts = RealPduCorpusTest.body(pdu).parts();
                assertThat(parts).as(as).hasSize(v.size());
                for (int i = 0; i < v.size(); i++) {
                    MmsPart part = parts.get(i);
                    assertThat(v.get(i).get("content_type").asText()).as(as).startsWith(part.contentType().mediaType());
                    String id = part.contentId() != null ? part.contentId() : "<" + part.contentLocation() + ">";
                    assertThat(id).as(as).isEqualTo(v.get(i).get("content_id").asText());
                }
                return true;
            case "Content-Type":
                MmsContentType ct = RealPduCorpusTest.body(pdu).contentType();
                assertThat(ct.mediaType()).as(as).isEqualTo(v.get(0).asText());
                v.get(1).fields().forEachRemaining(p -> assertThat(ct.parameter(p.getKey())).as(as).isEqualTo(p.getValue().asText()));
                return true;
            case "Delivery-Report":
            case "Read-Reply":
                String name = key.equals("Read-Reply") ? "X-Mms-Read-Report" : "X-Mms-Delivery-Report";
                assertThat(values(name)).as(as).containsExactly(v.asBoolean());
                return true;
            case "Sender-Visibility":
                assertThat(header("X-Mms-Sender-Visibility")).as(as).isEqualToIgnoringCase(text);
                return true;
            default:
                throw new AssertionError(as + ": no check written for this stated value");
        }
    }

    private List<Object> values(String name) {
        return details.headers().stream().filter(h -> h.name().equals(name)).map(MmsHeader::value).toList();
    }

    /** The first value of a header as text: encoded strings by their text, enums by spec-like name. */
    private String header(String name) {
        List<Object> values = values(name);
        if (values.isEmpty()) {
            return null;
        }
        Object v = values.get(0);
        if (v instanceof MmsEncodedString s) {
            return s.text();
        }
        if (MmsPdu.INSERT_ADDRESS_TOKEN.equals(v)) {
            return "<not inserted>";
        }
        return v instanceof Enum<?> e ? e.name() : String.valueOf(v);
    }

    private static String nullable(String text) {
        return text == null || text.equals("(null)") || text.isEmpty() ? null : text;
    }

    /** mmsd's comments drop the leading + of addresses (a documented discrepancy): compare without it. */
    private String address(String address) {
        if (address != null && address.startsWith("+") && entry.discrepancyMentions("'+'")) {
            return address.substring(1);
        }
        return address;
    }

    /** ISO dates as the sources write them: naive (UTC), with ±hhmm, or mmsd's sign-less and cut offsets. */
    private static Instant date(String text) {
        Matcher m = MMSD_DATE.matcher(text);
        if (m.matches()) {
            int hours = Integer.parseInt(m.group(3));
            int minutes = m.group(4).length() == 2 ? Integer.parseInt(m.group(4)) : 0;
            ZoneOffset offset = ZoneOffset.ofHoursMinutes(m.group(2).equals("-") ? -hours : hours, minutes);
            return OffsetDateTime.of(java.time.LocalDateTime.parse(m.group(1)), offset).toInstant();
        }
        return java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }
}
