package io.baton.campaign;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.baton.support.EventFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 15, item 2: of two files in {@code campaigns/} whose seeds cannot be told apart and whose
 * windows overlap, the first (by name) is loaded, the second is not: an error in the log, and the
 * file with the reason in the readiness details, while the instance stays ready.
 */
@QuarkusTest
@TestProfile(ConflictingCampaignFilesTest.TwoFilesOneSeed.class)
class ConflictingCampaignFilesTest {

    static final byte[] ARTWORK = EventFixtures.image(2_015_003);

    public static class TwoFilesOneSeed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path dir = Files.createTempDirectory("baton-campaigns");
                Files.writeString(dir.resolve("a-first.yaml"),
                        EventFixtures.campaignYaml("files-first", "10651520", ARTWORK, "#files#"), StandardCharsets.UTF_8);
                Files.writeString(dir.resolve("b-second.yaml"),
                        EventFixtures.campaignYaml("files-second", "10651521", ARTWORK, "#files#"), StandardCharsets.UTF_8);
                return Map.of("baton.campaign.directory", dir.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void theSecondOfTwoFilesWithOneSeedIsNotLoadedAndReadinessSaysWhy() {
        given().get("/api/v1/campaigns/files-first").then().statusCode(200);
        given().get("/api/v1/campaigns/files-second").then().statusCode(404);
        Map<String, Object> ready = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath()
                .getMap("");
        assertThat(ready).containsEntry("status", "UP");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checks = (List<Map<String, Object>>) ready.get("checks");
        Map<String, Object> campaigns = checks.stream().filter(c -> "campaigns".equals(c.get("name"))).findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) campaigns.get("data");
        assertThat(data).containsEntry("live", 1);
        assertThat(data).hasEntrySatisfying(data.keySet().stream().filter(k -> k.endsWith("b-second.yaml"))
                .findFirst().orElseThrow(() -> new AssertionError("no readiness detail for b-second.yaml: " + data)),
                reason -> assertThat((String) reason).contains("campaign files-first"));
    }
}
