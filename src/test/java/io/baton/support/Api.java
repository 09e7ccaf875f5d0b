package io.baton.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** REST Assured shortcuts for the contracts of ARCHITECTURE.md section 3, with the test credentials. */
public final class Api {

    public static final String TOKEN = "demo-mmsc-token";
    public static final String OTHER_MMSC_TOKEN = "sz-2-token";

    private Api() {
    }

    /**
     * Campaign documents go as YAML text, which REST Assured does not know by itself, in UTF-8
     * (REST Assured would otherwise send ISO-8859-1 and turn every Chinese character into "?").
     */
    private static final RestAssuredConfig YAML_AS_TEXT = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().encodeContentTypeAs("application/yaml", ContentType.TEXT)
                    .defaultCharsetForContentType("UTF-8", "application/yaml"));

    public static RequestSpecification admin() {
        return given().config(YAML_AS_TEXT).auth().preemptive().basic("admin", "baton-test");
    }

    public static RequestSpecification viewer() {
        return given().config(YAML_AS_TEXT).auth().preemptive().basic("viewer", "baton-viewer");
    }

    public static ValidatableResponse postEvents(String token, List<Map<String, Object>> events) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(events)
                .post("/api/v1/mmsc/events").then();
    }

    public static ValidatableResponse postEvents(List<Map<String, Object>> events) {
        return postEvents(TOKEN, events);
    }

    public static ValidatableResponse putCampaign(String id, String yaml) {
        return admin().contentType("application/yaml").body(yaml).put("/api/v1/campaigns/" + id).then();
    }

    public static Map<String, Object> stats(String campaign) {
        return given().get("/api/v1/campaigns/" + campaign + "/stats").then().statusCode(200).extract().jsonPath()
                .getMap("");
    }

    /**
     * The notices to a number but its prize SMS: the reference campaign gives instant prizes, so a
     * test about serial or help notices would otherwise see a prize beside them (see {@link #allSms}).
     */
    public static List<Map<String, Object>> sms(String to) {
        return allSms(to).stream().filter(n -> !"prize".equals(n.get("kind"))).toList();
    }

    /** Every notice to a number, prize SMS included, newest first. */
    public static List<Map<String, Object>> allSms(String to) {
        return admin().queryParam("to", to).get("/api/v1/admin/sms").then().statusCode(200).extract().jsonPath()
                .getList("");
    }

    public static List<Map<String, Object>> serials(String campaign, String msisdn) {
        return admin().queryParam("msisdn", msisdn).get("/api/v1/campaigns/" + campaign + "/serials").then()
                .statusCode(200).extract().jsonPath().getList("");
    }

    public static ValidatableResponse mo(String from, String to, String text, String at) {
        return given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON)
                .body(Map.of("from", from, "to", to, "text", text, "at", at)).post("/api/v1/sms/mo").then();
    }

    /** {@code baton_outbox_unsettled{outbox=...}} as /q/metrics shows it now; fails when it is not there. */
    public static double unsettled(String outbox) {
        return metric("baton_outbox_unsettled", "outbox", outbox)
                .orElseThrow(() -> new AssertionError("no baton_outbox_unsettled{outbox=\"" + outbox + "\"}"));
    }

    /** A meter whose first label is {@code label=value}, as /q/metrics shows it now; empty when absent. */
    public static java.util.OptionalDouble metric(String name, String label, String value) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(
                name + "{" + label + "=\"" + value + "\"") + "[^}]*} (\\S+)$").matcher(metrics);
        return m.find() ? java.util.OptionalDouble.of(Double.parseDouble(m.group(1))) : java.util.OptionalDouble.empty();
    }
}
