package io.baton.campaign.domain;

import static io.baton.campaign.domain.CampaignFixtures.CAMPAIGN_FILES;
import static io.baton.campaign.domain.CampaignFixtures.MINIMAL;
import static io.baton.campaign.domain.CampaignFixtures.minimalWithLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.baton.common.Msisdn;

class CampaignParserTest {

    private static InvalidCampaignException catchInvalid(String yaml, CampaignParser.FileSource files) {
        try {
            CampaignParser.parse(yaml, files);
        } catch (InvalidCampaignException e) {
            return e;
        }
        throw new AssertionError("document was accepted:\n" + yaml);
    }

    private static List<CampaignError> errorsOf(String yaml, CampaignParser.FileSource files) {
        return catchInvalid(yaml, files).errors();
    }

    private static List<CampaignError> errorsOf(String yaml) {
        return errorsOf(yaml, null);
    }

    @Test
    void readsTheOlympicTorchCampaign() {
        Campaign c = CampaignParser.parse(CampaignFixtures.olympicTorch(), CAMPAIGN_FILES);
        assertThat(c.id()).isEqualTo("olympic-torch-2008");
        assertThat(c.name()).isEqualTo("Olympic Torch MMS Relay");
        assertThat(c.timezone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(c.starts()).isEqualTo(OffsetDateTime.parse("2008-01-10T00:00:00+08:00"));
        assertThat(c.ends()).isEqualTo(OffsetDateTime.parse("2008-02-09T00:00:00+08:00"));
        assertThat(c.shortCode()).isEqualTo("10658000");
        assertThat(c.regions()).hasSize(13);
        assertThat(c.regions().get(0).prefixes()).containsExactly("8613905", "8613705");
        assertThat(c.serialPrefix()).isEqualTo("T08");
        assertThat(c.seed().tag()).contains("#火炬接力2008#");
        assertThat(c.seed().subject()).isEqualTo("奥运火炬传递");
        assertThat(c.seed().requestKeywords()).containsExactly("2008");
        assertThat(c.crediting()).isEqualTo(new Campaign.CreditingRules("retrieved", 1, 50, Duration.ofHours(24)));
        assertThat(c.notices().serial()).contains("{serial}");
        assertThat(c.notices().help()).startsWith("回复2008");
    }

    @Test
    void loadsSeedPartsFromFilesAndInlineText() {
        Campaign c = CampaignParser.parse(CampaignFixtures.olympicTorch(), CAMPAIGN_FILES);
        List<Campaign.SeedPart> parts = c.seed().parts();
        assertThat(parts).extracting(Campaign.SeedPart::contentType)
                .containsExactly("image/jpeg", "text/plain; charset=utf-8");
        assertThat(parts.get(0).data()).isEqualTo(CampaignFixtures.torchJpg());
        assertThat(parts.get(0).isText()).isFalse();
        assertThat(new String(parts.get(1).data(), StandardCharsets.UTF_8)).startsWith("奥运火炬传到了你手上").endsWith("#火炬接力2008#");
        assertThat(parts.get(1).isText()).isTrue();
    }

    @Test
    void regionOfNamesTheCityOfAPrefixAndOtherOutsideEveryRegion() {
        Campaign c = CampaignParser.parse(CampaignFixtures.olympicTorch(), CAMPAIGN_FILES);
        assertThat(c.regionOf(Msisdn.parse("8613905000001"))).isEqualTo("Nanjing");
        assertThat(c.regionOf(Msisdn.parse("+86 137 1700 0009"))).isEqualTo("Suqian");
        assertThat(c.regionOf(Msisdn.parse("8613800000000"))).isEqualTo(Campaign.OTHER_REGION);
    }

    @Test
    void regionOfPrefersTheLongestMatchingPrefixWhateverTheOrder() {
        String yaml = MINIMAL + """
                regions:
                  - name: City
                    prefixes: ["8613905"]
                  - name: Province
                    prefixes: ["86139"]
                  - name: Country
                    prefixes: ["86"]
                """;
        Campaign c = CampaignParser.parse(yaml, null);
        assertThat(c.regionOf(Msisdn.parse("8613905000001"))).isEqualTo("City");
        assertThat(c.regionOf(Msisdn.parse("8613906000001"))).isEqualTo("Province");
        assertThat(c.regionOf(Msisdn.parse("8613706000001"))).isEqualTo("Country");
        assertThat(c.regionOf(Msisdn.parse("4413905000001"))).isEqualTo("Other");
    }

    @Test
    void appliesDefaultsForOmittedOptionalFields() {
        Campaign c = CampaignParser.parse(MINIMAL, null);
        assertThat(c.crediting()).isEqualTo(new Campaign.CreditingRules("retrieved", 1, 50, Duration.parse("PT24H")));
        assertThat(c.timezone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(c.regions()).isEmpty();
        assertThat(c.seed().tag()).isEmpty();
        assertThat(c.seed().subject()).isEmpty();
        assertThat(c.seed().requestKeywords()).isEmpty();
        assertThat(c.notices().help()).isEqualTo(CampaignParser.DEFAULT_HELP);
        assertThat(c.recognition()).isEqualTo(Campaign.RecognitionRules.DEFAULTS);
    }

    @Test
    void readsRecognitionThresholdsAndKeepsDefaultsForTheOthers() {
        Campaign c = CampaignParser.parse(MINIMAL + "recognition:\n  imageMaxDistance: 24\n  textMinContainment: 0.9\n"
                + "  textKeyPhrases: [\"华为\"]\n  imageMinBlockAgreement: 0.85\n", null);
        assertThat(c.recognition()).isEqualTo(new Campaign.RecognitionRules(24,
                Campaign.RecognitionRules.DEFAULTS.imageMinQuality(), 0.9, List.of("华为"), 0.85));
    }

    @Test
    void refusesRecognitionThresholdsOutOfRangeWithTheirPathsAndLines() {
        assertThat(errorsOf(MINIMAL + "recognition:\n  imageMaxDistance: 200\n  imageMinQuality: -1\n"
                + "  textMinContainment: lots\n  imageMinBlockAgreement: 0.5\n  imageMaxDistanse: 3\n"))
                .extracting(CampaignError::path, CampaignError::line)
                .containsExactly(tuple("recognition.imageMaxDistance", 15), tuple("recognition.imageMinQuality", 16),
                        tuple("recognition.textMinContainment", 17), tuple("recognition.imageMinBlockAgreement", 18),
                        tuple("recognition.imageMaxDistanse", 19));
    }

    @Test
    void timezoneLeftEmptyDefaultsToUtc() {
        Campaign c = CampaignParser.parse(minimalWithLine(2, "name: Spring Relay\ntimezone:"), null);
        assertThat(c.timezone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void normalisesTheSpellingOfTheCreditingStatus() {
        Campaign c = CampaignParser.parse(MINIMAL + "crediting:\n  onStatus: \" Unrecognized \"\n", null);
        assertThat(c.crediting().onStatus()).isEqualTo("unrecognised");
    }

    @Test
    void unknownFieldIsAnErrorAtItsOneBasedLine() {
        assertThat(errorsOf(MINIMAL + "colour: red\n"))
                .extracting(CampaignError::path, CampaignError::line, CampaignError::message)
                .containsExactly(tuple("colour", 14, "unknown field"));
    }

    @Test
    void unknownNestedFieldIsNamedByItsPath() {
        assertThat(errorsOf(minimalWithLine(6, "seed:\n  subjet: typo")))
                .extracting(CampaignError::path, CampaignError::line)
                .containsExactly(tuple("seed.subjet", 7));
    }

    @Test
    void listsEveryMissingRequiredField() {
        List<CampaignError> errors = errorsOf("id: lonely\n");
        assertThat(errors).extracting(CampaignError::path)
                .containsExactlyInAnyOrder("name", "starts", "ends", "shortCode", "seed", "serial", "notices");
        assertThat(errors).allSatisfy(e -> {
            assertThat(e.message()).isEqualTo("is required");
            assertThat(e.line()).isEqualTo(1);
        });
    }

    @Test
    void listsSeveralErrorsAtOnce() {
        String yaml = minimalWithLine(1, "id: Bad ID");
        yaml = yaml.replace("shortCode: \"10658001\"", "shortCode: \"12\"").replace("prefix: S09", "prefix: s-09");
        InvalidCampaignException e = catchInvalid(yaml + "colour: red\n", null);
        assertThat(e.errors()).hasSize(4)
                .extracting(CampaignError::path, CampaignError::line)
                .containsExactlyInAnyOrder(tuple("id", 1), tuple("shortCode", 5), tuple("serial.prefix", 11),
                        tuple("colour", 14));
        assertThat(e.getMessage()).contains("id (line 1)", "shortCode (line 5)", "serial.prefix (line 11)",
                "colour (line 14)");
    }

    @Test
    void refusesAnUnknownTimezone() {
        List<CampaignError> errors = errorsOf(minimalWithLine(2, "name: Spring Relay\ntimezone: Mars/Olympus"));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("timezone");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.message()).contains("time zone").contains("Mars/Olympus");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "2008-12-31T00:00:00+08:00", "2009-01-01T00:00:00+08:00", "2008-12-31T16:00:00Z" })
    void refusesACampaignThatEndsBeforeOrWhenItStarts(String ends) {
        assertThat(errorsOf(minimalWithLine(4, "ends: " + ends)))
                .extracting(CampaignError::path, CampaignError::line)
                .containsExactly(tuple("ends", 4));
    }

    @Test
    void refusesATimeWithoutOffset() {
        assertThat(errorsOf(minimalWithLine(3, "starts: 2009-01-01T00:00:00")))
                .extracting(CampaignError::path, CampaignError::line)
                .containsExactly(tuple("starts", 3));
    }

    @Test
    void refusesInvalidBase64Data() {
        String yaml = minimalWithLine(8, "    - contentType: image/png").replace("text: \"the spring relay seed text\"",
                "data: \"QQ=A\"");
        assertThat(errorsOf(yaml)).extracting(CampaignError::path, CampaignError::line)
                .containsExactly(tuple("seed.parts[0].data", 9));
    }

    @Test
    void refusesFilePartsWhenTheDocumentCameThroughTheApi() {
        List<CampaignError> errors = errorsOf(minimalWithLine(9, "      file: torch.jpg"), null);
        assertThat(errors).extracting(CampaignError::path, CampaignError::line)
                .containsExactly(tuple("seed.parts[0].file", 9));
        assertThat(errors.get(0).message()).contains("not allowed through the API");
    }

    @Test
    void readsFilePartsThroughTheFileSource() {
        Campaign c = CampaignParser.parse(minimalWithLine(9, "      file: torch.jpg"), CAMPAIGN_FILES);
        assertThat(c.seed().parts()).singleElement()
                .satisfies(p -> assertThat(p.data()).isEqualTo(CampaignFixtures.torchJpg()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "../campaigns/torch.jpg", "artwork/../../pom.xml", "/etc/passwd", ".." })
    void refusesFilePathsLeavingTheCampaignDirectoryWithoutReadingThem(String path) {
        List<String> asked = new ArrayList<>();
        List<CampaignError> errors = errorsOf(minimalWithLine(9, "      file: \"" + path + "\""), rel -> {
            asked.add(rel);
            return new byte[] { 1 };
        });
        assertThat(errors).extracting(CampaignError::path).containsExactly("seed.parts[0].file");
        assertThat(asked).isEmpty();
    }

    @Test
    void reportsAFileNameThatIsNotAPathAsAnErrorNotACrash() {
        List<CampaignError> errors = errorsOf(minimalWithLine(9, "      file: \"a\\0b.jpg\""), CAMPAIGN_FILES);
        assertThat(errors).extracting(CampaignError::path).containsExactly("seed.parts[0].file");
    }

    @Test
    void reportsAFileThatCannotBeRead() {
        List<CampaignError> errors = errorsOf(minimalWithLine(9, "      file: missing.png"), rel -> {
            throw new NoSuchFileException(rel);
        });
        assertThat(errors).extracting(CampaignError::path, CampaignError::line)
                .containsExactly(tuple("seed.parts[0].file", 9));
        assertThat(errors.get(0).message()).contains("missing.png");
    }

    @ParameterizedTest
    @ValueSource(strings = { "- a\n- b\n", "just a sentence\n", "42\n", "# only a comment\n" })
    void refusesADocumentWhoseRootIsNotAMapping(String yaml) {
        assertThat(errorsOf(yaml)).extracting(CampaignError::path, CampaignError::message)
                .containsExactly(tuple("$", "must be a mapping"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   \n\t\n" })
    void refusesAnEmptyDocument(String yaml) {
        assertThat(errorsOf(yaml)).extracting(CampaignError::path, CampaignError::line)
                .containsExactly(tuple("$", 1));
    }

    @Test
    void reportsAYamlSyntaxErrorWithItsLine() {
        List<CampaignError> errors = errorsOf("id: a\nname: b\n  bad: c\nstarts: x\n");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("$");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.message()).startsWith("not valid YAML");
        });
    }

    @Test
    void refusesADuplicateKeyAtItsSecondOccurrence() {
        assertThat(errorsOf(MINIMAL + "id: spring-2009\n"))
                .extracting(CampaignError::path, CampaignError::line, CampaignError::message)
                .containsExactly(tuple("id", 14, "appears twice"));
    }

    @Test
    void refusesASerialNoticeWithoutTheSerialPlaceholder() {
        assertThat(errorsOf(minimalWithLine(13, "  serial: \"Your serial is ready\"")))
                .extracting(CampaignError::path, CampaignError::line)
                .containsExactly(tuple("notices.serial", 13));
    }

    @Test
    void refusesAPartWithTwoSources() {
        assertThat(errorsOf(minimalWithLine(9, "      text: hello\n      data: aGVsbG8=")))
                .extracting(CampaignError::path, CampaignError::message)
                .containsExactly(tuple("seed.parts[0]", "needs exactly one of file, data, text (has 2)"));
    }

    @Test
    void refusesInlineTextForANonTextPart() {
        assertThat(errorsOf(minimalWithLine(8, "    - contentType: image/png")))
                .extracting(CampaignError::path, CampaignError::line)
                .containsExactly(tuple("seed.parts[0].text", 9));
    }

    @Test
    void refusesATagShortEnoughToMatchOrdinaryText() {
        assertThat(errorsOf(minimalWithLine(6, "seed:\n  tag: \" ab \"")))
                .extracting(CampaignError::path).containsExactly("seed.tag");
    }

    @Test
    void refusesDuplicateAndReservedRegionNames() {
        String yaml = MINIMAL + """
                regions:
                  - name: Nanjing
                    prefixes: ["8613905"]
                  - name: Nanjing
                    prefixes: ["8613705"]
                  - name: Other
                    prefixes: ["86"]
                  - name: Empty
                    prefixes: []
                """;
        assertThat(errorsOf(yaml)).extracting(CampaignError::path, CampaignError::line)
                .containsExactlyInAnyOrder(tuple("regions[1].name", 17), tuple("regions[2].name", 19),
                        tuple("regions[3].prefixes", 22));
    }

    @Test
    void refusesOutOfRangeCreditingLimits() {
        String yaml = MINIMAL + "crediting:\n  maxCreditsPerPair: 0\n  maxCreditsPerSenderPerDay: lots\n"
                + "  resendWindow: -PT1H\n  onStatus: lost\n";
        assertThat(errorsOf(yaml)).extracting(CampaignError::path).containsExactlyInAnyOrder(
                "crediting.maxCreditsPerPair", "crediting.maxCreditsPerSenderPerDay", "crediting.resendWindow",
                "crediting.onStatus");
    }
}
