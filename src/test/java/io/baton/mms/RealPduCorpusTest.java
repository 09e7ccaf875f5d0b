package io.baton.mms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every PDU of the third-party corpus (121 files, read in place): each decodes to what the bytes
 * say — every header of the collection decoder's {@code decoded_from_bytes}, in order, and every
 * part — and to what its source states where that applies ({@link StatedBySource}). Files that are
 * not PDUs, and the negative WSP pushes, are refused with {@link MmsCodecException}.
 */
class RealPduCorpusTest {

    /** Files the collection decoder could not read but the source uses as a valid PDU. */
    private static final String TRAILING_NULS = "mms-pdu/sailfishos-mms-engine/test_retrieve/Success2/m-notification.ind";
    /** The collection decoder read this date with the forward counter in it; the bytes say 0 and 2014-04-22. */
    private static final String PREVIOUSLY_SENT = "mms-pdu/sailfishos-mms-engine/test_mms_codec/m-retrieve_8.conf";

    private final MmsPduDecoder decoder = new MmsPduDecoder();
    private final WspPushDecoder pushDecoder = new WspPushDecoder(decoder);

    @TestFactory
    Stream<DynamicTest> everyCorpusFileDecodesAsItsBytesAndSourceSay() {
        return CorpusEntry.all().stream().map(entry -> DynamicTest.dynamicTest(entry.file(), () -> check(entry)));
    }

    @Test
    void corpusHasTheAnnouncedSizeAndOutcomes() {
        List<CorpusEntry> all = CorpusEntry.all();
        int decoded = 0;
        int refused = 0;
        for (CorpusEntry entry : all) {
            try {
                if (entry.isPush()) {
                    pushDecoder.decode(entry.bytes());
                } else {
                    decoder.decode(entry.bytes());
                }
                decoded++;
            } catch (MmsCodecException e) {
                refused++;
            }
        }
        assertThat(all).hasSize(121);
        // 8 negative pushes, 3 texts that are not PDUs, 1 truncated byte array.
        assertThat(refused).isEqualTo(12);
        assertThat(decoded).isEqualTo(109);
    }

    @Test
    void statedValuesAreCheckedRatherThanSkipped() {
        int files = 0;
        int values = 0;
        for (CorpusEntry entry : CorpusEntry.all()) {
            if (entry.stated() == null || entry.isNegative() || entry.decoded() == null) {
                continue;
            }
            byte[] bytes = entry.bytes();
            byte[] pdu = entry.isPush() ? body(entry, bytes) : bytes;
            values += new StatedBySource(entry, decoder.decodeWithDetails(pdu), pdu).check();
            files++;
        }
        // 83 files state values: 8 negative pushes and 4 non-PDUs are only checked for refusal.
        assertThat(files).isEqualTo(71);
        assertThat(values).isEqualTo(451);
    }

    @Test
    void truncatedCapcomArrayIsRefusedWhereItsContentLocationStops() {
        CorpusEntry entry = entry("mms-pdu/capcom6-android-sms-gateway/simpleTest_truncated.mms");
        MmsCodecException e = catchThrowableOfType(() -> decoder.decode(entry.bytes()), MmsCodecException.class);
        assertThat(e.field()).isEqualTo("X-Mms-Content-Location");
        assertThat(e.offset()).isEqualTo(0x69);
        assertThat(e.reason()).contains("NUL");
    }

    @Test
    void notificationWithTrailingNulsDecodesWithTheQuirkRecorded() {
        DecodedMmsPdu d = decoder.decodeWithDetails(entry(TRAILING_NULS).bytes());
        MmsNotificationInd n = (MmsNotificationInd) d.pdu();
        assertThat(n.transactionId()).isEqualTo("AaamMbG2tpp5lj4Ra");
        assertThat(n.contentLocation()).isEqualTo("http://mmsc62:10021/mmsc/6_2?AaamMbG2tpp5lj4Ra");
        assertThat(n.expiry()).isEqualTo(new MmsTimeValue(true, 259199));
        assertThat(d.hasQuirk(MmsQuirk.Kind.TRAILING_NUL_PADDING)).isTrue();
        assertThat(n.extraHeaders("Bcc")).singleElement().extracting(MmsHeader::value).isEqualTo(MmsEncodedString.of(""));
    }

    @Test
    void previouslySentHeadersCarryForwardCounterAndValue() {
        MmsRetrieveConf r = (MmsRetrieveConf) decoder.decode(entry(PREVIOUSLY_SENT).bytes());
        assertThat(r.previouslySent()).containsExactly(
                new MmsPreviouslySent(0, null, Instant.parse("2014-04-22T15:13:00Z")),
                new MmsPreviouslySent(0, "+46722222222/TYPE=PLMN", null));
        assertThat(r.extraHeaders("X-Mms-Previously-Sent-Date")).singleElement().extracting(MmsHeader::value)
                .isEqualTo(new MmsPreviouslySent(0, null, Instant.parse("2014-04-22T15:13:00Z")));
        assertThat(r.extraHeaders("X-Mms-Previously-Sent-By")).singleElement().extracting(MmsHeader::value)
                .isEqualTo(new MmsPreviouslySent(0, "+46722222222/TYPE=PLMN", null));
    }

    private static CorpusEntry entry(String file) {
        return CorpusEntry.all().stream().filter(e -> e.file().equals(file)).findFirst().orElseThrow();
    }

    private void check(CorpusEntry entry) {
        byte[] bytes = entry.bytes();
        assertThat(bytes).hasSize(entry.json().get("size").asInt());
        if (entry.isNegative()) {
            assertThatThrownBy(() -> pushDecoder.decode(bytes)).isInstanceOf(MmsCodecException.class);
            return;
        }
        if (entry.decoded() == null && !entry.file().equals(TRAILING_NULS)) {
            // Not a PDU (garbage text) or cut short: the source expects a decoding error too.
            assertThatThrownBy(() -> decoder.decode(bytes)).isInstanceOf(MmsCodecException.class);
            return;
        }
        MmsPdu pdu;
        DecodedMmsPdu details;
        if (entry.isPush()) {
            WspPush push = pushDecoder.decode(bytes);
            assertThat(push.applicationId()).isEqualTo("x-wap-application:mms.ua");
            assertThat(push.transactionId()).isEqualTo(entry.json().at("/wsp/tid").asInt());
            int bodySize = entry.json().at("/wsp/body_size").asInt();
            details = decoder.decodeWithDetails(java.util.Arrays.copyOfRange(bytes, bytes.length - bodySize, bytes.length));
            pdu = push.pdu();
            assertThat(details.pdu()).isEqualTo(pdu);
        } else {
            details = decoder.decodeWithDetails(bytes);
            pdu = details.pdu();
        }
        if (entry.decoded() != null) {
            compareWithBytes(entry, details);
        }
        if (entry.stated() != null) {
            new StatedBySource(entry, details, entry.isPush() ? body(entry, bytes) : bytes).check();
        }
    }

    private static void compareWithBytes(CorpusEntry entry, DecodedMmsPdu d) {
        JsonNode expected = entry.decoded();
        MmsPdu pdu = d.pdu();
        assertThat(pdu.messageType().specName()).isEqualTo(expected.get("message_type").asText());
        assertThat(pdu.mmsVersion()).isEqualTo(expected.get("mms_version").asText());
        List<String> order = new ArrayList<>();
        expected.get("header_order").forEach(n -> order.add(n.asText()));
        assertThat(d.headers()).extracting(MmsHeader::name).containsExactlyElementsOf(order);
        Iterator<Map.Entry<String, JsonNode>> fields = expected.get("all_headers").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getKey().equals("application-headers")) {
                f.getValue().fields().forEachRemaining(app -> assertThat(values(d, app.getKey()))
                        .as(app.getKey()).containsExactly(app.getValue().asText()));
            } else if (!(entry.file().equals(PREVIOUSLY_SENT) && f.getKey().equals("X-Mms-Previously-Sent-Date"))) {
                assertHeader(entry, f.getKey(), f.getValue(), values(d, f.getKey()));
            }
        }
        assertTypedComponentsMatchHeaders(pdu, d);
        if (expected.has("part_count")) {
            MmsBody body = body(pdu);
            assertThat(body.parts()).hasSize(expected.get("part_count").asInt());
            for (int i = 0; i < body.parts().size(); i++) {
                comparePart(expected.get("parts").get(i), body.parts().get(i));
            }
        }
    }

    private static byte[] body(CorpusEntry entry, byte[] push) {
        return java.util.Arrays.copyOfRange(push, push.length - entry.json().at("/wsp/body_size").asInt(), push.length);
    }

    static MmsBody body(MmsPdu pdu) {
        if (pdu instanceof MmsSendReq r) {
            return r.body();
        }
        return ((MmsRetrieveConf) pdu).body();
    }

    private static List<Object> values(DecodedMmsPdu d, String name) {
        return d.headers().stream().filter(h -> h.name().equals(name)).map(MmsHeader::value).toList();
    }

    private static void assertHeader(CorpusEntry entry, String name, JsonNode expected, List<Object> actual) {
        if (expected.isArray()) {
            assertThat(actual).as(name).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertValue(entry, name, expected.get(i), actual.get(i));
            }
        } else {
            assertThat(actual).as(name).hasSize(1);
            assertValue(entry, name, expected, actual.get(0));
        }
    }

    private static void assertValue(CorpusEntry entry, String name, JsonNode expected, Object actual) {
        String as = entry.file() + " " + name;
        if (actual instanceof MmsEncodedString s) {
            String text = expected.isObject() ? expected.get("text").asText() : expected.asText();
            if (text.startsWith("\uFEFF")) {
                assertThat(entry.discrepancyMentions("BOM")).as(as).isTrue();
                text = text.substring(1);
            }
            if (!s.text().equals(text) && "utf-8".equals(s.charset())) {
                // The collection decoder fell back to ISO-8859-1 when UTF-8 text was cut inside a
                // character; we keep UTF-8 and replace only the cut character.
                text = new String(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
            assertThat(s.text()).as(as).isEqualTo(text);
            if (expected.isObject() && !expected.get("charset").isNull()) {
                assertThat(s.charset()).as(as).isEqualToIgnoringCase(expected.get("charset").asText());
            }
        } else if (actual instanceof Boolean b) {
            assertThat(b ? "Yes" : "No").as(as).isEqualTo(expected.asText());
        } else if (actual instanceof Enum<?> e) {
            String text = expected.asText();
            if (text.startsWith("0x")) {
                assertThat(Integer.parseInt(text.substring(2), 16)).as(as).isEqualTo(code(e));
            } else {
                assertThat(e.name().replace('_', ' ')).as(as).isEqualToIgnoringCase(text.replace('-', ' '));
            }
        } else if (actual instanceof Instant i) {
            assertThat(i).as(as).isEqualTo(Instant.parse(expected.asText()));
        } else if (actual instanceof MmsTimeValue t) {
            if (expected.has("relative_seconds")) {
                assertThat(t).as(as).isEqualTo(new MmsTimeValue(true, expected.get("relative_seconds").asLong()));
            } else {
                assertThat(t).as(as).isEqualTo(MmsTimeValue.at(Instant.parse(expected.get("absolute").asText())));
            }
        } else if (actual instanceof Long l) {
            assertThat(l).as(as).isEqualTo(expected.asLong());
        } else if (actual instanceof MmsContentType ct) {
            assertThat(ct.mediaType()).as(as).isEqualTo(expected.get("type").asText());
            assertParams(as, expected.get("params"), ct.parameters());
        } else if (actual instanceof MmsPreviouslySent p) {
            assertThat(p.forwardCounter()).as(as).isEqualTo(expected.get("count").asLong());
            assertThat(p.address()).as(as).isEqualTo(expected.at("/by/text").asText());
        } else if (expected.isObject()) {
            assertThat(actual).as(as).isEqualTo(expected.get("text").asText());
        } else {
            assertThat(String.valueOf(actual)).as(as).isEqualTo(expected.asText());
        }
    }

    static int code(Enum<?> e) {
        try {
            return (int) e.getClass().getMethod("code").invoke(e);
        } catch (ReflectiveOperationException ex) {
            throw new AssertionError(ex);
        }
    }

    private static void assertParams(String as, JsonNode expected, Map<String, String> actual) {
        assertThat(actual).as(as + " parameters").hasSize(expected == null ? 0 : expected.size());
        if (expected != null) {
            expected.fields().forEachRemaining(p -> assertThat(actual.get(p.getKey().toLowerCase(Locale.ROOT)))
                    .as(as + " parameter " + p.getKey()).isEqualToIgnoringCase(p.getValue().asText()));
        }
    }

    private static void comparePart(JsonNode expected, MmsPart part) {
        String as = "part " + expected;
        assertThat(part.contentType().mediaType()).as(as).isEqualTo(expected.get("content_type").asText());
        assertParams(as, expected.get("params"), part.contentType().parameters());
        assertThat(part.contentId()).as(as).isEqualTo(text(expected, "Content-ID"));
        assertThat(part.contentLocation()).as(as).isEqualTo(text(expected, "Content-Location"));
        assertThat(part.size()).as(as).isEqualTo(expected.get("size").asInt());
        List<String> other = new ArrayList<>();
        expected.path("other_headers").forEach(n -> other.add(n.asText()));
        assertThat(part.contentDisposition() != null).as(as).isEqualTo(other.remove("Content-Disposition"));
        List<String> wellKnown = part.extraHeaders().stream().filter(h -> !h.isApplicationHeader()).map(MmsHeader::name).toList();
        assertThat(wellKnown).as(as).containsExactlyElementsOf(other);
        Map<String, String> app = new java.util.LinkedHashMap<>();
        part.extraHeaders().stream().filter(MmsHeader::isApplicationHeader).forEach(h -> app.put(h.name(), (String) h.value()));
        Map<String, String> expectedApp = new java.util.LinkedHashMap<>();
        expected.path("app_headers").fields().forEachRemaining(f -> expectedApp.put(f.getKey(), f.getValue().asText()));
        assertThat(app).as(as).isEqualTo(expectedApp);
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asText() : null;
    }

    /** The record's typed components hold the first value of their header. */
    private static void assertTypedComponentsMatchHeaders(MmsPdu pdu, DecodedMmsPdu d) {
        Object firstFrom = values(d, "From").stream().findFirst().orElse(null);
        List<Object> to = values(d, "To").stream().map(v -> (Object) ((MmsEncodedString) v).text()).toList();
        if (pdu instanceof MmsSendReq r) {
            assertThat(r.from()).isEqualTo(firstFrom);
            assertThat(r.to()).containsExactlyElementsOf(to.stream().map(String.class::cast).toList());
            assertThat(r.transactionId()).isEqualTo(values(d, "X-Mms-Transaction-Id").stream().findFirst().orElse(null));
        } else if (pdu instanceof MmsRetrieveConf r) {
            assertThat(r.from()).isEqualTo(firstFrom);
            assertThat(r.to()).containsExactlyElementsOf(to.stream().map(String.class::cast).toList());
            assertThat(r.messageId()).isEqualTo(values(d, "Message-ID").stream().findFirst().orElse(null));
        } else if (pdu instanceof MmsNotificationInd n) {
            assertThat(n.from()).isEqualTo(firstFrom);
            assertThat(n.contentLocation()).isEqualTo(values(d, "X-Mms-Content-Location").stream().findFirst().orElse(null));
        }
    }
}
