package io.recruitsuite.candidate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.candidate.applications.ApplicationsConfig;
import io.recruitsuite.candidate.jobs.JobRules;
import io.recruitsuite.candidate.jobs.JobsConfig;
import io.recruitsuite.candidate.notes.NotesConfig;
import io.recruitsuite.candidate.workflow.WorkflowConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The documented request bodies: every JSON body has a schema with its fields, and the bounds it states are the configured ones. */
@QuarkusTest
class RequestBodySchemasTest {

    @Inject
    JobsConfig jobs;
    @Inject
    WorkflowConfig workflow;
    @Inject
    NotesConfig notes;
    @Inject
    ApplicationsConfig applications;

    @Test
    void theDocumentedBoundsAreTheConfiguredOnes() {
        assertEquals(Map.of("title", jobs.maxTitle(), "text", jobs.maxText(), "field", jobs.maxField(), "stages", jobs.maxStages(),
                        "stageName", jobs.maxStageName(), "openings", jobs.maxOpenings()),
                Map.of("title", RequestBodies.JOB_MAX_TITLE, "text", RequestBodies.JOB_MAX_TEXT, "field", RequestBodies.JOB_MAX_FIELD,
                        "stages", RequestBodies.JOB_MAX_STAGES, "stageName", RequestBodies.JOB_MAX_STAGE_NAME,
                        "openings", RequestBodies.JOB_MAX_OPENINGS));
        assertEquals(0, JobRules.MAX_AMOUNT.compareTo(new BigDecimal(RequestBodies.JOB_MAX_AMOUNT)));
        assertEquals(notes.maxBody(), RequestBodies.NOTE_MAX_BODY);
        assertEquals(applications.maxReason(), RequestBodies.REJECTION_MAX_REASON);
        assertEquals(List.of(workflow.maxTitle(), workflow.maxText(), workflow.maxField(), workflow.maxUrl(), workflow.maxPeople(),
                        workflow.maxDurationMinutes(), workflow.maxRatings(), workflow.maxQuestions()),
                List.of(RequestBodies.WORKFLOW_MAX_TITLE, RequestBodies.WORKFLOW_MAX_TEXT, RequestBodies.WORKFLOW_MAX_FIELD,
                        RequestBodies.WORKFLOW_MAX_URL, RequestBodies.WORKFLOW_MAX_PEOPLE, RequestBodies.WORKFLOW_MAX_DURATION_MINUTES,
                        RequestBodies.WORKFLOW_MAX_RATINGS, RequestBodies.WORKFLOW_MAX_QUESTIONS));
    }

    @Test
    void everyPublicJsonBodyIsATypedObject() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        JsonNode schemas = doc.path("components").path("schemas");
        List<String> untyped = new ArrayList<>();
        int bodies = 0;
        for (var path = doc.path("paths").fields(); path.hasNext(); ) {
            var p = path.next();
            if (!p.getKey().startsWith("/api/v1")) {
                continue;
            }
            for (var op = p.getValue().fields(); op.hasNext(); ) {
                var o = op.next();
                for (var media = o.getValue().path("requestBody").path("content").fields(); media.hasNext(); ) {
                    var m = media.next();
                    if (m.getKey().startsWith("multipart/")) {
                        continue;
                    }
                    bodies++;
                    String ref = m.getValue().path("schema").path("$ref").asText("");
                    JsonNode schema = ref.isEmpty() ? m.getValue().path("schema") : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
                    if (ref.endsWith("/JsonNode") || schema.path("properties").isEmpty()
                            || schema.path("properties").findValues("$ref").stream().anyMatch(r -> r.asText().endsWith("/JsonNode"))) {
                        untyped.add(o.getKey().toUpperCase() + " " + p.getKey() + " " + m.getKey());
                    }
                }
            }
        }
        assertEquals(List.of(), untyped, "request bodies without a documented schema");
        assertEquals(true, bodies >= 25, bodies + " JSON bodies");
    }
}
