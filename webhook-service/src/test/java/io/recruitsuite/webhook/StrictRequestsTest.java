package io.recruitsuite.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.recruitsuite.webhook.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Contracts issue, points 2 and 5: a misspelt query parameter or body field is refused with a 400 that
 * names it (and what was probably meant) instead of being ignored, and every error carries the
 * request id a support ticket can quote.
 */
@QuarkusTest
class StrictRequestsTest {

    @Test
    void aMisspeltQueryParameterIsRefusedNamingItAndTheClosestKnownName() {
        String org = TestTokens.newOrganizationId();
        as(org).header("X-Request-Id", "req-strict-1").get("/api/v1/webhooks?limt=5&page=1").then().statusCode(400)
                .body("error.code", equalTo("validation_error"))
                .body("error.message", containsString("'limt'"))
                .body("error.requestId", equalTo("req-strict-1"))
                .body("error.details", hasSize(1))
                .body("error.details[0].field", equalTo("limt"))
                .body("error.details[0].issue", containsString("did you mean 'limit'"));
        // a name like none of the declared ones: no suggestion, but the accepted names are listed
        as(org).get("/api/v1/webhooks?job_posting_id=x").then().statusCode(400)
                .body("error.details[0].field", equalTo("job_posting_id"))
                .body("error.details[0].issue", equalTo("unknown query parameter"))
                .body("error.message", containsString("accepted: limit, page"));
        // an operation that declares no query parameters refuses any
        as(org).post("/api/v1/webhooks/whk_missing/test?dryRun=true").then().statusCode(400)
                .body("error.details[0].field", equalTo("dryRun"));
        as(org).get("/api/v1/webhooks?page=1&limit=5").then().statusCode(200);
    }

    @Test
    void anUnknownBodyFieldIsRefusedOnCreateAndPatchAndNothingIsStored() {
        String org = TestTokens.newOrganizationId();
        as(org).contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/hook", "evnets", java.util.List.of("candidate.created")))
                .post("/api/v1/webhooks").then().statusCode(400)
                .body("error.code", equalTo("validation_error"))
                .body("error.details[0].field", equalTo("evnets"))
                .body("error.details[0].issue", containsString("did you mean 'events'"));
        as(org).get("/api/v1/webhooks").then().statusCode(200).body("data", hasSize(0));

        String id = Api.register(org, "http://127.0.0.1:9/hook", null).id();
        as(org).contentType(ContentType.JSON).body(Map.of("descripton", "typo", "organizationId", "org_other"))
                .patch("/api/v1/webhooks/" + id).then().statusCode(400)
                .body("error.details", hasSize(2))
                .body("error.details[0].field", equalTo("descripton"))
                .body("error.details[0].issue", containsString("did you mean 'description'"))
                .body("error.details[1].field", equalTo("organizationId"));
        as(org).get("/api/v1/webhooks/" + id).then().statusCode(200).body("data.description", nullValue());
    }

    @Test
    void aFieldNamedInAValidationMessageIsAlsoInTheDetails() {
        String org = TestTokens.newOrganizationId();
        as(org).contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/hook", "legacySignature", "yes"))
                .post("/api/v1/webhooks").then().statusCode(400)
                .body("error.details[0].field", equalTo("legacySignature"))
                .body("error.details[0].issue", equalTo("wrong type"));
        // without an X-Request-Id (a call that did not come through the gateway) the field is left out
        as(org).get("/api/v1/webhooks/whk_nope").then().statusCode(404).body("error.requestId", nullValue());
    }
}
