package io.recruitsuite.keys;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.security.VerifiedTokens;
import io.recruitsuite.common.testing.TestTokens;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Requests authenticate through the parser that verifies a token once (suite-common), and a forged one still fails. */
@QuarkusTest
class InternalTokenVerificationTest {

    @Inject
    JWTParser parser;

    @Test
    void theServiceVerifiesThroughVerifiedTokensAndStillRefusesWhatItMust() {
        assertInstanceOf(VerifiedTokens.class, parser);
        String org = KeysApi.createOrganization("enterprise");
        KeysApi.addMember(org, "usr_v", "admin");
        String session = TestTokens.bearer(TestTokens.session(org, "usr_v", "admin"));
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", session).get("/api/v1/keys").then().statusCode(200);
        }
        String forged = session.substring(0, session.length() - 4) + (session.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().header("Authorization", forged).get("/api/v1/keys").then().statusCode(401);
    }
}
