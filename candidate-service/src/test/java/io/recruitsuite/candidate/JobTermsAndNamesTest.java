package io.recruitsuite.candidate;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.recruitsuite.candidate.CandidatesTest.as;
import static io.recruitsuite.candidate.CandidatesTest.writer;
import static io.recruitsuite.candidate.JobsTest.jobsWriter;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Seed 004's job details (salary, remote policy, openings), typed stages, and candidates named by their parts. */
@QuarkusTest
class JobTermsAndNamesTest {

    @Test
    void aJobCarriesSalaryRemoteAndOpeningsAndItsStagesATypeEachChangedByPatch() {
        String org = TestTokens.newOrganizationId();
        String id = jobsWriter(org).body(Map.of("title", "Site Reliability Engineer", "remote", "hybrid", "openings", 3,
                        "salary", Map.of("min", 120000, "max", 180000.5, "currency", "USD", "period", "year"),
                        "stages", List.of("Applied", Map.of("name", "Take-home", "type", "screen"), "Panel", Map.of("name", "Offer"), "Hired")))
                .post("/api/v1/jobs").then().statusCode(201)
                .body("data.salary.min", equalTo(120000.0f)).body("data.salary.max", equalTo(180000.5f))
                .body("data.salary.currency", equalTo("USD")).body("data.salary.period", equalTo("year"))
                .body("data.remote", equalTo("hybrid")).body("data.openings", equalTo(3))
                .body("data.stages.type", equalTo(List.of("applied", "screen", "custom", "offer", "hired")))
                .extract().path("data.id");

        // defaults: one opening, no salary or policy, the default pipeline typed by its names
        jobsWriter(org).body(Map.of("title", "Plain")).post("/api/v1/jobs").then().statusCode(201)
                .body("data.openings", equalTo(1)).body("data.salary", nullValue()).body("data.remote", nullValue())
                .body("data.stages.type", equalTo(List.of("applied", "screen", "interview", "offer", "hired")));

        jobsWriter(org).body(Map.of("salary", Map.of("max", 40, "currency", "EUR", "period", "hour"), "remote", "remote"))
                .patch("/api/v1/jobs/" + id).then().statusCode(200)
                .body("data.salary.min", nullValue()).body("data.salary.max", equalTo(40.0f)).body("data.salary.period", equalTo("hour"))
                .body("data.remote", equalTo("remote")).body("data.openings", equalTo(3)).body("data.title", equalTo("Site Reliability Engineer"));
        jobsWriter(org).body("{\"salary\": null, \"openings\": 1}").patch("/api/v1/jobs/" + id).then().statusCode(200)
                .body("data.salary", nullValue()).body("data.openings", equalTo(1));
        as(org, "jobs:read").get("/api/v1/jobs/" + id + "/stages").then().statusCode(200).body("data[1].type", equalTo("screen"));

        Map<String, String> refused = Map.of(
                "{\"title\": \"X\", \"salary\": {\"min\": 10, \"max\": 5, \"currency\": \"USD\"}}", "salary.min",
                "{\"title\": \"X\", \"salary\": {\"min\": 10, \"currency\": \"usd\"}}", "salary.currency",
                "{\"title\": \"X\", \"salary\": {\"min\": 10, \"currency\": \"XYZ\"}}", "salary.currency",
                "{\"title\": \"X\", \"salary\": {\"min\": 10}}", "salary.currency",
                "{\"title\": \"X\", \"salary\": {\"min\": -1, \"currency\": \"USD\"}}", "salary.min",
                "{\"title\": \"X\", \"salary\": {\"min\": \"10\", \"currency\": \"USD\"}}", "salary.min",
                "{\"title\": \"X\", \"salary\": {\"min\": 10, \"currency\": \"USD\", \"period\": \"week\"}}", "salary.period",
                "{\"title\": \"X\", \"remote\": \"sometimes\"}", "remote",
                "{\"title\": \"X\", \"openings\": 0}", "openings",
                "{\"title\": \"X\", \"stages\": [{\"name\": \"A\", \"type\": \"final\"}]}", "stages[0].type");
        refused.forEach((body, field) -> jobsWriter(org).body(body).post("/api/v1/jobs").then().statusCode(400)
                .body("error.code", equalTo("validation_error"))
                .body("error.message", startsWith(field + ":")));
    }

    @Test
    void candidatesAcceptFirstAndLastNameBesideName() {
        String org = TestTokens.newOrganizationId();
        String id = writer(org).body(Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "ada@example.com"))
                .post("/api/v1/candidates").then().statusCode(201)
                .body("data.name", equalTo("Ada Lovelace")).body("data.firstName", equalTo("Ada")).body("data.lastName", equalTo("Lovelace"))
                .extract().path("data.id");
        // seed 000's shape still works and the parts stay empty
        writer(org).body(Map.of("name", "Grace Hopper")).post("/api/v1/candidates").then().statusCode(201)
                .body("data.name", equalTo("Grace Hopper")).body("data.firstName", nullValue());
        writer(org).body(Map.of("name", "Countess of Lovelace", "firstName", "Augusta")).post("/api/v1/candidates").then().statusCode(201)
                .body("data.name", equalTo("Countess of Lovelace")).body("data.firstName", equalTo("Augusta"));

        // a name given on its own is not rewritten from parts added later
        String seed = writer(org).body(Map.of("name", "Dr. Grace Brewster Hopper")).post("/api/v1/candidates").then().statusCode(201)
                .extract().path("data.id");
        writer(org).body(Map.of("firstName", "Grace")).patch("/api/v1/candidates/" + seed).then().statusCode(200)
                .body("data.name", equalTo("Dr. Grace Brewster Hopper")).body("data.firstName", equalTo("Grace"));
        writer(org).body(Map.of("lastName", "King")).patch("/api/v1/candidates/" + id).then().statusCode(200)
                .body("data.name", equalTo("Ada King")).body("data.lastName", equalTo("King"));
        as(org, "candidates:read").get("/api/v1/candidates?search=King").then().statusCode(200)
                .body("data[0].firstName", equalTo("Ada")).body("data[0].lastName", equalTo("King"));

        writer(org).body(Map.of("email", "x@example.com")).post("/api/v1/candidates").then().statusCode(400)
                .body("error.message", startsWith("name:"));
        writer(org).body(Map.of("firstName", "x".repeat(101))).post("/api/v1/candidates").then().statusCode(400)
                .body("error.message", startsWith("firstName:"));
    }
}
