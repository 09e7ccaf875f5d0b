package io.baton.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.baton.support.Api;
import io.baton.support.EventFixtures;
import io.quarkus.test.junit.QuarkusTest;

/** Campaign documents through the admin API: validated with every error listed, live without restart. */
@QuarkusTest
class CampaignApiTest {

    @Test
    void listsTheReferenceCampaignLoadedFromFiles() {
        given().get("/api/v1/campaigns/olympic-torch-2008").then().statusCode(200)
                .body("name", equalTo("Olympic Torch MMS Relay"))
                .body("regions", hasSize(13))
                .body("status", equalTo("ended"))
                .body("seed.parts[0].contentType", equalTo("image/jpeg"))
                .body("serialPrefix", equalTo("T08"));
        given().get("/api/v1/campaigns").then().statusCode(200).body("id", hasItems("olympic-torch-2008"));
    }

    @Test
    void refusesAnInvalidDocumentListingEveryErrorByPathAndLine() {
        String yaml = """
                id: api-invalid
                name: Broken
                timezone: Mars/Olympus
                starts: 2008-01-10T00:00:00+08:00
                ends: yesterday
                shortCode: "10658001"
                colour: red
                seed:
                  parts:
                    - contentType: image/jpeg
                      file: torch.jpg
                serial:
                  prefix: "t08"
                notices:
                  serial: "no placeholder"
                """;
        Api.putCampaign("api-invalid", yaml).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://baton.dev/problems/invalid-campaign"))
                .body("errors.path", hasItems("timezone", "ends", "colour", "seed.parts[0].file", "serial.prefix",
                        "notices.serial"))
                .body("errors.find { it.path == 'colour' }.line", equalTo(7))
                .body("errors.find { it.path == 'colour' }.message", containsString("unknown field"));
        given().get("/api/v1/campaigns/api-invalid").then().statusCode(404);
    }

    @Test
    void refusesADocumentWhoseIdDiffersFromTheUrl() {
        Api.putCampaign("other-id", EventFixtures.campaignYaml("api-mismatch", "10658002", EventFixtures.image(1), "#mismatch#"))
                .statusCode(422).body("errors[0].path", equalTo("id"));
    }

    @Test
    void makesAValidDocumentLiveAtOnceAndVersionsChanges() {
        String v1 = EventFixtures.campaignYaml("api-live", "10658003", EventFixtures.image(2), "#apilive#");
        Api.putCampaign("api-live", v1).statusCode(201).body("version", equalTo(1)).body("status", equalTo("ended"));
        Api.putCampaign("api-live", v1).statusCode(200).body("version", equalTo(1));
        Api.putCampaign("api-live", v1.replace("name: Test api-live", "name: Renamed")).statusCode(200)
                .body("version", equalTo(2)).body("name", equalTo("Renamed"));
        given().get("/api/v1/campaigns/api-live/stats").then().statusCode(200).body("forwards", equalTo(0));
    }
}
