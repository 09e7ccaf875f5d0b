package io.baton.campaign.domain;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import io.baton.common.DeliveryStatus;

/**
 * Reads a campaign YAML document into a {@link Campaign}, checking every field and collecting
 * every error with its field path and line, so that a campaign manager fixes them all at once.
 * Unknown fields are errors: a typo must never pass silently.
 */
public final class CampaignParser {

    /** Reads files named by {@code seed.parts[].file}, relative to the campaign document. */
    @FunctionalInterface
    public interface FileSource {
        byte[] read(String relativePath) throws IOException;
    }

    public static final int MAX_DOCUMENT_CHARS = 8 * 1024 * 1024;
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final Pattern DIGITS = Pattern.compile("[0-9]{3,15}");
    static final Pattern PREFIX_DIGITS = Pattern.compile("[0-9]{1,15}");
    static final Pattern SERIAL_PREFIX = Pattern.compile("[A-Z0-9]{1,8}");
    static final String DEFAULT_HELP = "Forward the campaign MMS to friends to earn serial numbers. "
            + "Text the keyword to this number to receive it.";

    private final List<CampaignError> errors = new ArrayList<>();
    private final FileSource files;

    private CampaignParser(FileSource files) {
        this.files = files;
    }

    /**
     * @param files where {@code file:} parts are read from, or null when the document came
     *        through the API (then {@code file:} is refused and content must be inline)
     * @throws InvalidCampaignException listing every error found
     */
    public static Campaign parse(String yaml, FileSource files) {
        return new CampaignParser(files).document(yaml);
    }

    private Campaign document(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw new InvalidCampaignException(List.of(new CampaignError("$", 1, "empty document")));
        }
        if (yaml.length() > MAX_DOCUMENT_CHARS) {
            throw new InvalidCampaignException(List.of(new CampaignError("$", 1,
                    "document is larger than " + MAX_DOCUMENT_CHARS + " characters")));
        }
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            options.setCodePointLimit(MAX_DOCUMENT_CHARS);
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new InvalidCampaignException(List.of(new CampaignError("$", line,
                    "not valid YAML: " + e.getProblem())));
        } catch (YAMLException e) {
            throw new InvalidCampaignException(List.of(new CampaignError("$", 1, "not valid YAML: " + e.getMessage())));
        }
        if (!(root instanceof MappingNode)) {
            throw new InvalidCampaignException(List.of(new CampaignError("$", YamlFields.line(root), "must be a mapping")));
        }
        Campaign c = campaign(new YamlFields(errors, "", (MappingNode) root));
        if (!errors.isEmpty()) {
            throw new InvalidCampaignException(errors);
        }
        return c;
    }

    private Campaign campaign(YamlFields f) {
        String id = f.string("id", true, ID, "lower-case letters, digits and '-', at most 64");
        String name = f.string("name", true, null, null);
        ZoneId zone = f.zone("timezone");
        OffsetDateTime starts = f.time("starts");
        OffsetDateTime ends = f.time("ends");
        if (starts != null && ends != null && !ends.isAfter(starts)) {
            f.error("ends", "must be after starts");
        }
        String shortCode = f.string("shortCode", true, DIGITS, "3 to 15 digits");
        Campaign.Seed seed = f.map("seed", true).map(this::seed).orElse(null);
        List<Campaign.Region> regions = regions(f);
        Campaign.CreditingRules crediting = f.map("crediting", false).map(this::crediting)
                .orElse(new Campaign.CreditingRules("retrieved", 1, 50, Duration.ofHours(24)));
        String serialPrefix = f.map("serial", true)
                .map(s -> {
                    String p = s.string("prefix", true, SERIAL_PREFIX, "1 to 8 upper-case letters or digits");
                    s.rejectUnknown();
                    return p;
                }).orElse(null);
        Campaign.Notices notices = f.map("notices", true).map(this::notices).orElse(null);
        Campaign.RecognitionRules recognition = f.map("recognition", false).map(this::recognition)
                .orElse(Campaign.RecognitionRules.DEFAULTS);
        Set<String> regionNames = new HashSet<>();
        regions.forEach(r -> regionNames.add(r.name()));
        Optional<PrizeRules> prizes = f.map("prizes", false)
                .map(p -> PrizeRulesParser.parse(p, starts, ends, regionNames));
        f.rejectUnknown();
        if (!errors.isEmpty()) {
            return null;
        }
        return new Campaign(id, name, zone, starts, ends, shortCode, seed, regions, crediting, serialPrefix, notices,
                recognition, prizes);
    }

    private Campaign.Seed seed(YamlFields f) {
        String subject = f.string("subject", false, null, null);
        List<Campaign.SeedPart> parts = new ArrayList<>();
        List<YamlFields> partFields = f.listOfMaps("parts", true);
        if (partFields != null && partFields.isEmpty()) {
            f.error("parts", "needs at least one part");
        }
        for (YamlFields p : partFields == null ? List.<YamlFields>of() : partFields) {
            seedPart(p).ifPresent(parts::add);
        }
        List<String> keywords = f.strings("requestKeywords", false, null, null);
        String tag = f.string("tag", false, null, null);
        if (tag != null && tag.strip().length() < 4) {
            f.error("tag", "must have at least 4 characters, or it would match ordinary text");
        }
        f.rejectUnknown();
        return new Campaign.Seed(subject == null ? "" : subject, parts, keywords == null ? List.of() : keywords,
                Optional.ofNullable(tag).map(String::strip));
    }

    private Optional<Campaign.SeedPart> seedPart(YamlFields f) {
        String contentType = f.string("contentType", true, null, null);
        String file = f.string("file", false, null, null);
        String data = f.string("data", false, null, null);
        String text = f.string("text", false, null, null);
        f.rejectUnknown();
        int sources = (file == null ? 0 : 1) + (data == null ? 0 : 1) + (text == null ? 0 : 1);
        if (sources != 1) {
            f.error("", "needs exactly one of file, data, text (has " + sources + ")");
            return Optional.empty();
        }
        byte[] bytes = null;
        if (text != null) {
            if (contentType != null && !contentType.toLowerCase().startsWith("text/")) {
                f.error("text", "only for text/* content types, this part is " + contentType);
            }
            bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } else if (data != null) {
            try {
                bytes = Base64.getMimeDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                f.error("data", "not valid base64: " + e.getMessage());
            }
        } else if (files == null) {
            f.error("file", "not allowed through the API: put the content inline as base64 in data");
        } else if (file.contains("..") || file.startsWith("/")) {
            f.error("file", "must be a path inside the campaign's directory");
        } else {
            try {
                bytes = files.read(file);
            } catch (IOException | java.nio.file.InvalidPathException e) {
                f.error("file", "cannot read " + file + ": " + e.getMessage());
            }
        }
        if (bytes != null && bytes.length == 0) {
            f.error("", "content is empty");
            return Optional.empty();
        }
        if (bytes == null || contentType == null) {
            return Optional.empty();
        }
        return Optional.of(new Campaign.SeedPart(contentType, bytes));
    }

    private List<Campaign.Region> regions(YamlFields f) {
        List<YamlFields> list = f.listOfMaps("regions", false);
        List<Campaign.Region> regions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlFields r : list == null ? List.<YamlFields>of() : list) {
            String name = r.string("name", true, null, null);
            List<String> prefixes = r.strings("prefixes", true, PREFIX_DIGITS, "1 to 15 digits");
            r.rejectUnknown();
            if (name != null && !names.add(name)) {
                r.error("name", "region " + name + " appears twice");
            }
            if (name != null && name.equals(Campaign.OTHER_REGION)) {
                r.error("name", Campaign.OTHER_REGION + " is reserved for numbers outside every region");
            }
            if (prefixes != null && prefixes.isEmpty()) {
                r.error("prefixes", "needs at least one prefix");
            }
            if (name != null && prefixes != null) {
                regions.add(new Campaign.Region(name, prefixes));
            }
        }
        return regions;
    }

    private Campaign.CreditingRules crediting(YamlFields f) {
        String onStatus = f.string("onStatus", false, null, null);
        if (onStatus != null && DeliveryStatus.fromWire(onStatus).isEmpty()) {
            f.error("onStatus", "unknown status " + onStatus + ", expected one of " + DeliveryStatus.wireNames());
        }
        Integer perPair = f.integer("maxCreditsPerPair", 1, 1_000_000);
        Integer perDay = f.integer("maxCreditsPerSenderPerDay", 1, 1_000_000);
        Duration resend = f.duration("resendWindow");
        f.rejectUnknown();
        return new Campaign.CreditingRules(
                onStatus == null ? "retrieved" : DeliveryStatus.fromWire(onStatus).map(DeliveryStatus::wireName).orElse("retrieved"),
                perPair == null ? 1 : perPair,
                perDay == null ? 50 : perDay,
                resend == null ? Duration.ofHours(24) : resend);
    }

    private Campaign.RecognitionRules recognition(YamlFields f) {
        Campaign.RecognitionRules d = Campaign.RecognitionRules.DEFAULTS;
        Integer distance = f.integer("imageMaxDistance", 0, 64);
        Integer quality = f.integer("imageMinQuality", 0, 100);
        Double containment = f.decimal("textMinContainment", 0.8, 1.0);
        List<String> keyPhrases = f.strings("textKeyPhrases", false, null, null);
        Double blocks = f.decimal("imageMinBlockAgreement", 0.7, 1.0);
        f.rejectUnknown();
        return new Campaign.RecognitionRules(distance == null ? d.imageMaxDistance() : distance,
                quality == null ? d.imageMinQuality() : quality,
                containment == null ? d.textMinContainment() : containment,
                keyPhrases == null ? d.textKeyPhrases() : keyPhrases,
                blocks == null ? d.imageMinBlockAgreement() : blocks);
    }

    private Campaign.Notices notices(YamlFields f) {
        String serial = f.string("serial", true, null, null);
        if (serial != null && !serial.contains("{serial}")) {
            f.error("serial", "must contain {serial}");
        }
        String help = f.string("help", false, null, null);
        f.rejectUnknown();
        return new Campaign.Notices(serial, help == null ? DEFAULT_HELP : help);
    }
}
