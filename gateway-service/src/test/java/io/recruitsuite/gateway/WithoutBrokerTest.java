package io.recruitsuite.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.recruitsuite.common.testing.NoBroker;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Key events only shorten cache lifetimes: the gateway starts, is ready and serves without a broker. */
@QuarkusTest
@TestProfile(NoBroker.class)
class WithoutBrokerTest {

    @Test
    void startsReadyAndServesWithoutABroker() {
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/api/v1").then().statusCode(200);
    }
}
