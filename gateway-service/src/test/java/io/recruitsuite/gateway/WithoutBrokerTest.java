package io.recruitsuite.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.recruitsuite.common.testing.NoBroker;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Key events only shorten cache lifetimes: the gateway starts, is ready and serves without a broker. */
@QuarkusTest
@TestProfile(NoBroker.class)
class WithoutBrokerTest {

    @TestHTTPResource(value = "health", management = true)
    URL health;

    @Test
    void startsReadyAndServesWithoutABroker() {
        given().get(health + "/started").then().statusCode(200).body("status", equalTo("UP"));
        given().get(health + "/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get(health + "/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/api/v1").then().statusCode(200);
    }
}
