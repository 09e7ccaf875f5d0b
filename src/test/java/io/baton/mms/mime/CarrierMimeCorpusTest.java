package io.baton.mms.mime;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.support.SharedTestData;

/**
 * The 92 carrier mails of monde/mms2r, read in place, against what mms2r's own tests assert after its
 * per-carrier stripping (expected.jsonl). We compare subject, number, media counts, types, file
 * names, sizes and texts; not mms2r's carrier name, device guess or body (not this reader's job).
 * Two deliberate differences are applied to every fixture: application/smil is left out of our media
 * (we keep SMIL, the sender's presentation; mms2r drops it for some carriers), and a part's name is
 * its file name, else its Content-Location, else its Content-ID, as mms2r names it.
 * Fixtures where our simpler, carrier-independent rules cannot honestly agree are listed with the
 * reason in {@link #DIVERGES}; the test fails when one of them starts to agree, so the list stays true.
 */
class CarrierMimeCorpusTest {

    private static final Pattern NUMBER = Pattern.compile("\\+?\\d+");

    private static final String SPRINT = "Sprint mails only link to the pictures on Sprint's web site; mms2r"
            + " downloads them, we read what the mail carries: nothing but the notice, so NO_CONTENT_PARTS and no"
            + " subject or sender to compare";
    private static final String NUMBER_IN_DISPLAY_NAME = "the number is only in the From display name"
            + " (\"+2068675309\" <BCVOZH@...>); we return the address as given, whose local part is no number";
    private static final String UNNAMED_GIFS = "the carrier's layout GIFs have no file name; mms2r drops every GIF"
            + " from this carrier, which a carrier-independent rule cannot do (handsets send GIF animations)";

    /** Fixture → why our result differs from mms2r's assertion. */
    private static final Map<String, String> DIVERGES = Map.ofEntries(
            entry("sprint-broken-image-01.mail", SPRINT),
            entry("sprint-image-01.mail", SPRINT),
            entry("sprint-image-missing-message.mail", SPRINT),
            entry("sprint-new-image-01.mail", SPRINT),
            entry("sprint-text-01.mail", SPRINT),
            entry("sprint-two-images-01.mail", SPRINT),
            entry("sprint-video-01.mail", SPRINT),
            entry("vodacom4me-co-za-01.mail", NUMBER_IN_DISPLAY_NAME),
            entry("vodacom4me-co-za-02.mail", NUMBER_IN_DISPLAY_NAME),
            entry("vodacom4me-southafrica-mms-01.mail", NUMBER_IN_DISPLAY_NAME),
            entry("vodacom4me-southafrica-mms-04.mail", NUMBER_IN_DISPLAY_NAME),
            entry("mmsreply.t-mobile.co.uk-text-image-01.mail", NUMBER_IN_DISPLAY_NAME),
            entry("indosat-image-01.mail", "mms2r takes Indosat's number from Return-Path; the From address is a"
                    + " Yahoo mailbox and we read numbers from From only"),
            entry("att-blackberry-02.mail", "the picture is declared application/octet-stream; mms2r renames the type"
                    + " from the .jpg file name, we keep the declared type (recognition looks at the bytes)"),
            entry("iconv-fr-text-01.mail", "a plain mail with text/plain and text/html alternatives: we drop the HTML"
                    + " rendering of a text we already have, mms2r keeps both"),
            entry("bell-canada-image-01.mail", "mms2r has no rules for Bell and keeps its Openwave template (notice,"
                    + " HTML page, layout GIFs, default subject); our carrier-independent rules remove the notice, HTML"
                    + " and subject as they do for SaskTel's identical template, and keep the unnamed GIFs"),
            entry("rogers-canada-mms-01.mail", UNNAMED_GIFS),
            entry("sasktel-image-01.mail", UNNAMED_GIFS));

    private final MimeMmsReader reader = MimeMmsReader.withDefaultLimits();

    @Test
    void readsEveryCarrierMailAndAgreesWithMms2rWhereOurRulesCan() throws IOException {
        Path folder = SharedTestData.folder("mms-mime");
        ObjectMapper json = new ObjectMapper();
        Map<String, List<String>> mismatches = new TreeMap<>();
        int fixtures = 0;
        int asserted = 0;
        int matching = 0;
        for (String line : Files.readAllLines(folder.resolve("expected.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry = json.readTree(line);
            String file = Path.of(entry.get("file").asText()).getFileName().toString();
            Path mail = folder.resolve(entry.get("file").asText().substring("mms-mime/".length()));
            fixtures++;
            Object result;
            try {
                result = reader.read(Files.readAllBytes(mail));
            } catch (MimeMmsException refused) {
                result = refused; // any other exception fails the test here
            }
            JsonNode expected = entry.get("expected_after_mms2r_processing");
            if (expected == null || expected.isNull()) {
                continue;
            }
            asserted++;
            List<String> differences = compare(expected, result);
            if (differences.isEmpty()) {
                matching++;
            } else {
                mismatches.put(file, differences);
            }
        }
        StringBuilder report = new StringBuilder("carrier MIME corpus: " + fixtures + " fixtures, " + asserted
                + " asserted by mms2r, " + matching + " agree fully, " + mismatches.size() + " differ\n");
        mismatches.forEach((file, differences) -> report.append("  ").append(file).append(": ").append(differences)
                .append("\n      because ").append(DIVERGES.getOrDefault(file, "(no reason recorded)")).append('\n'));
        System.out.println(report);

        assertThat(fixtures).isEqualTo(92);
        assertThat(mismatches.keySet()).as(report.toString()).isSubsetOf(DIVERGES.keySet());
        assertThat(DIVERGES.keySet()).as("fixtures listed as diverging that now agree").isSubsetOf(mismatches.keySet());
    }

    private static List<String> compare(JsonNode expected, Object result) {
        List<String> differences = new ArrayList<>();
        MimeMms mms = result instanceof MimeMms read ? read : null;
        Map<String, List<MimePart>> media = new LinkedHashMap<>();
        if (mms != null) {
            for (MimePart part : mms.parts()) {
                if (!part.mediaType().equals("application/smil")) {
                    media.computeIfAbsent(part.mediaType(), type -> new ArrayList<>()).add(part);
                }
            }
        } else if (((MimeMmsException) result).reason() != MimeMmsException.Reason.NO_CONTENT_PARTS) {
            differences.add("refused: " + ((MimeMmsException) result).getMessage());
            return differences;
        }
        if (expected.has("subject")) {
            String subject = mms == null ? null : mms.subject();
            if (!expected.get("subject").asText().equals(subject)) {
                differences.add("subject " + subject + " not " + expected.get("subject"));
            }
        }
        if (expected.has("number") && NUMBER.matcher(expected.get("number").asText()).matches()) {
            String number = mms == null ? null : PhoneAddress.localPartNumber(mms.from()).orElse(null);
            if (!expected.get("number").asText().equals(number)) {
                differences.add("number " + number + " not " + expected.get("number"));
            }
        }
        if (expected.has("media_type_count") && expected.get("media_type_count").asInt() != media.size()) {
            differences.add("media types " + media.keySet() + " not " + expected.get("media_type_count").asInt());
        }
        JsonNode expectedMedia = expected.path("media");
        for (Iterator<Map.Entry<String, JsonNode>> types = expectedMedia.fields(); types.hasNext();) {
            Map.Entry<String, JsonNode> type = types.next();
            compareType(type.getKey(), type.getValue(), media.getOrDefault(type.getKey(), List.of()), differences);
        }
        return differences;
    }

    private static void compareType(String type, JsonNode expected, List<MimePart> parts, List<String> differences) {
        if (expected.path("present").asBoolean(false) && parts.isEmpty()) {
            differences.add(type + " absent");
        }
        if (expected.path("absent").asBoolean(false) && !parts.isEmpty()) {
            differences.add(type + " present " + parts.size() + "x");
        }
        if (expected.has("count") && expected.get("count").asInt() != parts.size()) {
            differences.add(type + " count " + parts.size() + " not " + expected.get("count").asInt());
        }
        for (Iterator<Map.Entry<String, JsonNode>> names = expected.path("filename_regex").fields(); names.hasNext();) {
            Map.Entry<String, JsonNode> name = names.next();
            MimePart part = nth(parts, name.getKey());
            String actual = part == null ? null : name(part);
            if (actual == null || !Pattern.compile(name.getValue().asText()).matcher(actual).find()) {
                differences.add(type + "[" + name.getKey() + "] named " + actual + " not /" + name.getValue().asText() + "/");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> sizes = expected.path("file_size").fields(); sizes.hasNext();) {
            Map.Entry<String, JsonNode> size = sizes.next();
            MimePart part = nth(parts, size.getKey());
            if (part == null || part.size() != size.getValue().asInt()) {
                differences.add(type + "[" + size.getKey() + "] size " + (part == null ? "-" : part.size()) + " not " + size.getValue());
            }
        }
        for (String field : List.of("text_content", "text_content_stripped")) {
            for (Iterator<Map.Entry<String, JsonNode>> texts = expected.path(field).fields(); texts.hasNext();) {
                Map.Entry<String, JsonNode> text = texts.next();
                MimePart part = nth(parts, text.getKey());
                String actual = part == null ? null : new String(part.data(), CarrierContent.charsetOf(part.contentType())).strip();
                if (!text.getValue().asText().strip().equals(actual)) {
                    differences.add(type + "[" + text.getKey() + "] text \"" + actual + "\" not " + text.getValue());
                }
            }
        }
    }

    private static MimePart nth(List<MimePart> parts, String index) {
        int i = Integer.parseInt(index);
        return i < parts.size() ? parts.get(i) : null;
    }

    private static String name(MimePart part) {
        return part.fileName() != null ? part.fileName()
                : part.contentLocation() != null ? part.contentLocation() : part.contentId();
    }
}
