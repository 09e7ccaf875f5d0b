package io.baton.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Health, metrics and OpenAPI are served, and the metrics name Baton's own counters. */
@QuarkusTest
class OperationsTest {

    @Test
    void reportsReadyWithEveryStoreChecked() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body("checks.find { it.name == 'leaderboards' }.data.redis", equalTo("up")) // Redis: a detail, not a gate
                .body(containsString("Reactive Messaging"));
    }

    @Test
    void exposesBatonMetricsToPrometheus() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("baton_outbox_lag{outbox=\"sms\""))
                .body(containsString("baton_outbox_lag{outbox=\"mms\""));
    }

    @Test
    void publishesTheOpenApiDocument() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/mmsc/events"));
    }
}
