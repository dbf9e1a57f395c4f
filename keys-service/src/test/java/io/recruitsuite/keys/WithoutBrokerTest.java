package io.recruitsuite.keys;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.recruitsuite.common.testing.NoBroker;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Key events leave through the outbox: keys-service starts, is ready and issues keys while the broker is away. */
@QuarkusTest
@TestProfile(NoBroker.class)
class WithoutBrokerTest {

    @Test
    void startsReadyAndServesWithoutABroker() {
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        String org = KeysApi.createOrganization("enterprise");
        KeysApi.issueKey(org, java.util.List.of("jobs:read")).statusCode(201);
    }
}
