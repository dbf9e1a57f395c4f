package io.recruitsuite.candidate;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.security.DocumentReaderCredential;
import io.recruitsuite.common.testing.TestTokens;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.recruitsuite.candidate.CandidatesTest.as;
import static io.recruitsuite.candidate.CandidatesTest.writer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The search-service's document reader: the CV text leaves the candidate-service only here (never on the topic),
 * only with the document-reader credential, scoped by organization, and an erased document is a 404.
 */
@QuarkusTest
class InternalDocumentsTest {

    static RequestSpecification reader() {
        Path file = ConfigProvider.getConfig().getValue(DocumentReaderCredential.TOKEN_FILE, Path.class);
        return given().header(DocumentReaderCredential.HEADER, DocumentReaderCredential.fromFile(file).token());
    }

    static String createWithCv(String org, String name, String cv) {
        return writer(org).body(Map.of("name", name, "email", name.toLowerCase().replace(' ', '.') + "@example.com", "tags", List.of("nurse"),
                        "cvText", cv, "filename", name.toLowerCase().replace(' ', '-') + ".txt"))
                .post("/api/v1/candidates").then().statusCode(201).extract().path("data.documents[0].id");
    }

    @Test
    void theReaderGivesTheTextAndContactOfOneDocumentAndA404OnceErased() {
        String org = TestTokens.newOrganizationId();
        String doc = createWithCv(org, "Nadia Nurse", "Registered nurse, intensive care, ten years.");
        String path = "/internal/v1/organizations/" + org + "/documents/" + doc;

        reader().get(path).then().statusCode(200)
                .body("data.id", equalTo(doc))
                .body("data.text", equalTo("Registered nurse, intensive care, ten years."))
                .body("data.candidateName", equalTo("Nadia Nurse"))
                .body("data.candidateEmail", equalTo("nadia.nurse@example.com"))
                .body("data.filename", equalTo("nadia-nurse.txt"))
                .body("data.tags", equalTo(List.of("nurse")))
                .body("data.jobIds", hasSize(0));

        // another organization's path never finds it
        reader().get("/internal/v1/organizations/" + TestTokens.newOrganizationId() + "/documents/" + doc)
                .then().statusCode(404).body("error.code", equalTo("not_found"));

        String candidate = as(org, "candidates:read").get("/api/v1/candidates").then().extract().path("data[0].id");
        as(org, "candidates:write").delete("/api/v1/candidates/" + candidate).then().statusCode(204);
        reader().get(path).then().statusCode(404).body("error.code", equalTo("not_found"));
    }

    @Test
    void withoutTheServiceCredentialNothingIsReadNotEvenWithAGatewayToken() {
        String org = TestTokens.newOrganizationId();
        String doc = createWithCv(org, "Omar Nurse", "Theatre nurse.");
        String path = "/internal/v1/organizations/" + org + "/documents/" + doc;
        given().get(path).then().statusCode(401).body("error.code", equalTo("unauthorized"));
        given().header(DocumentReaderCredential.HEADER, "not-the-credential-at-all").get(path).then().statusCode(401);
        as(org, "candidates:read").get(path).then().statusCode(401);
        as(org, "candidates:read").get("/internal/v1/organizations/" + org + "/documents").then().statusCode(401);
    }

    @Test
    void theListingPagesThroughEveryDocumentOfTheOrganizationInIdOrder() {
        String org = TestTokens.newOrganizationId();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(createWithCv(org, "Person " + (char) ('A' + i), "CV number " + i));
        }
        createWithCv(TestTokens.newOrganizationId(), "Someone Else", "Not this organization's");
        List<String> read = new ArrayList<>();
        String after = null;
        boolean more = true;
        int pages = 0;
        while (more) {
            var page = reader().queryParam("limit", 2).queryParams(after == null ? Map.of() : Map.of("after", after))
                    .get("/internal/v1/organizations/" + org + "/documents").then().statusCode(200).extract().jsonPath();
            read.addAll(page.getList("data.id", String.class));
            after = page.getString("meta.after");
            more = page.getBoolean("meta.hasMore");
            pages++;
        }
        assertEquals(made.stream().sorted().toList(), read);
        assertEquals(3, pages);

        // without text: ids and fields only, for the reindex's final check
        reader().queryParam("text", false).get("/internal/v1/organizations/" + org + "/documents")
                .then().statusCode(200).body("data", hasSize(5)).body("data[0].text", nullValue()).body("meta.hasMore", equalTo(false));
        reader().queryParam("limit", 0).get("/internal/v1/organizations/" + org + "/documents")
                .then().statusCode(400).body("error.code", equalTo("validation_error"));
    }
}
