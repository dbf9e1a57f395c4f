package io.recruitsuite.search;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.recruitsuite.common.testing.NoBroker;
import io.recruitsuite.common.testing.TestTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Indexing waits for the broker; searching does not: the service starts, is ready and answers without one. */
@QuarkusTest
@TestProfile(NoBroker.class)
class WithoutBrokerTest {

    @Test
    void startsReadyAndServesWithoutABroker() {
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().header("Authorization", TestTokens.bearer(TestTokens.apiKey(TestTokens.newOrganizationId(), "search:read")))
                .contentType(ContentType.JSON).body(Map.of("query", "nurse")).post("/api/v1/search")
                .then().statusCode(200);
    }
}
