package io.recruitsuite.candidate;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.testing.TestKafka;
import io.recruitsuite.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.recruitsuite.candidate.ApplicationsTest.all;
import static io.recruitsuite.candidate.CandidatesTest.as;
import static io.recruitsuite.candidate.CandidatesTest.writer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CvUploadTest {

    static final List<String> ALICE = List.of("Alice Johnson", "Senior Frontend Engineer",
            "alice.johnson@example.com | +1 555 0100", "Experience",
            "Eight years of React and TypeScript, design systems and accessibility audits.");
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Inject
    Pool pool;

    static ValidatableResponse upload(String org, String path, String filename, byte[] content, String mediaType, Map<String, String> fields) {
        var request = as(org, "candidates:read", "candidates:write").multiPart("file", filename, content, mediaType);
        for (var f : fields.entrySet()) {
            request = request.multiPart(f.getKey(), f.getValue());
        }
        return request.post(path).then();
    }

    long outboxRows(String org) {
        return pool.preparedQuery("select count(*) from outbox where record_key = $1").execute(Tuple.of(org))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }

    @Test
    void aPdfBecomesACandidateWithNameAndEmailFromItsText() {
        String org = TestTokens.newOrganizationId();
        String id = upload(org, "/api/v1/candidates/upload", "alice-cv.pdf", CvFiles.pdf(ALICE), "application/pdf", Map.of())
                .statusCode(201)
                .body("data.id", matchesPattern("cand_[0-9A-Za-z]{20}"))
                .body("data.name", equalTo("Alice Johnson"))
                .body("data.email", equalTo("alice.johnson@example.com"))
                .body("data.documents[0].filename", equalTo("alice-cv.pdf"))
                .body("data.documents[0].fileType", equalTo("pdf"))
                .body("data.documents[0].wordCount", greaterThan(20))
                .body("data.documents[0].fileSize", greaterThan(500))
                .body("data.documents[0].uploadedAt", matchesPattern("\\d{4}-.*"))
                .body("data.cvText", containsString("React and TypeScript"))
                .extract().path("data.id");

        List<JsonNode> events = TestKafka.events(Topics.CANDIDATE_EVENTS, org, found -> found.size() >= 2, Duration.ofSeconds(60));
        assertEquals(List.of("candidate.created", "document.upload"), events.stream().map(e -> e.path("type").asText()).toList());
        JsonNode data = events.get(1).path("data");
        // the shape on the topic (the shared record; JSON field order carries no meaning): references and the fields
        // webhook receivers get, never the CV text or the email (search reads those from /internal/v1 when it indexes)
        assertEquals(java.util.Set.of("documentId", "candidateId", "filename", "candidateName", "fileSize", "fileType",
                "wordCount", "uploadedAt", "tags", "stage", "jobIds"), java.util.Set.copyOf(fieldNames(data)));
        assertEquals(id, data.path("candidateId").asText());
        assertEquals("pdf", data.path("fileType").asText());
        assertEquals("Alice Johnson", data.path("candidateName").asText());
        assertEquals(false, events.get(1).toString().contains("accessibility audits"));
    }

    @Test
    void docxAndMarkdownUploadsWithFormFieldsThatOverrideTheCv() {
        String org = TestTokens.newOrganizationId();
        upload(org, "/api/v1/candidates/upload", "robert.docx",
                CvFiles.docx(List.of("Robert Stone", "robert@stone.example", "Welder: TIG and MIG, ten years.")), DOCX,
                Map.of("name", "Bob Override", "email", "bob@override.example"))
                .statusCode(201)
                .body("data.name", equalTo("Bob Override"))
                .body("data.email", equalTo("bob@override.example"))
                .body("data.documents[0].fileType", equalTo("docx"))
                .body("data.documents[0].wordCount", equalTo(9))
                .body("data.cvText", containsString("TIG and MIG"));
        upload(org, "/api/v1/candidates/upload", "carla.md",
                "# Carla Diaz\n\ncarla@ex.org\n\n## Skills\n- Intensive care nursing\n".getBytes(StandardCharsets.UTF_8), "text/markdown", Map.of())
                .statusCode(201)
                .body("data.name", equalTo("Carla Diaz")).body("data.email", equalTo("carla@ex.org"))
                .body("data.documents[0].fileType", equalTo("md"));
        upload(org, "/api/v1/candidates/upload", "notes.txt", "12 34\n56 78 no name here".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of())
                .statusCode(400).body("error.code", equalTo("validation_error")).body("error.message", containsString("name"));
        as(org, "candidates:read").get("/api/v1/candidates").then().body("meta.total", equalTo(2));
    }

    @Test
    void aCvForAnExistingCandidateCarriesTheirPipelineToSearch() {
        String org = TestTokens.newOrganizationId();
        String cand = writer(org).body(Map.of("name", "Dan Roe")).post("/api/v1/candidates").then().statusCode(201).extract().path("data.id");
        String job = all(org).body(Map.of("title", "Driver", "status", "published")).post("/api/v1/jobs").then().statusCode(201)
                .extract().path("data.id");
        all(org).body(Map.of("candidateId", cand, "jobId", job)).post("/api/v1/applications").then().statusCode(201);

        upload(org, "/api/v1/candidates/" + cand + "/documents", "dan.docx",
                CvFiles.docx(List.of("Dan Roe", "Truck driver with a clean licence.")), DOCX, Map.of())
                .statusCode(201)
                .body("data.id", matchesPattern("doc_[0-9A-Za-z]{20}"))
                .body("data.candidateId", equalTo(cand))
                .body("data.fileType", equalTo("docx"))
                .body("data.wordCount", equalTo(8));
        upload(org, "/api/v1/candidates/" + cand + "/documents", "dan.txt", "Dan Roe\nForklift certified.".getBytes(StandardCharsets.UTF_8),
                "text/plain", Map.of()).statusCode(201).body("data.fileType", equalTo("txt"));
        as(org, "candidates:read").get("/api/v1/candidates/" + cand + "/documents").then().statusCode(200).body("data", hasSize(2));
        as(org, "candidates:read").get("/api/v1/candidates/" + cand).then().body("data.cvText", equalTo("Dan Roe\nForklift certified."));

        List<JsonNode> events = TestKafka.events(Topics.CANDIDATE_EVENTS, org,
                found -> found.stream().filter(e -> e.path("type").asText().equals("document.upload")).count() >= 2, Duration.ofSeconds(60));
        JsonNode upload = events.stream().filter(e -> e.path("type").asText().equals("document.upload")).findFirst().orElseThrow().path("data");
        assertEquals("Applied", upload.path("stage").asText());
        assertEquals(job, upload.path("jobIds").get(0).asText());
        assertEquals("Dan Roe", upload.path("candidateName").asText());

        String other = TestTokens.newOrganizationId();
        upload(other, "/api/v1/candidates/" + cand + "/documents", "dan.txt", "Dan Roe".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of())
                .statusCode(404).body("error.code", equalTo("not_found"));
    }

    @Test
    void everyBadFileIsRefusedWithAClearErrorAndNothingIsStored() {
        String org = TestTokens.newOrganizationId();
        String cand = writer(org).body(Map.of("name", "Eve Adams")).post("/api/v1/candidates").then().statusCode(201).extract().path("data.id");
        long rowsBefore = outboxRows(org);
        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(tooLarge, (byte) 'a');
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        byte[] docxBomb;
        try {
            docxBomb = io.recruitsuite.candidate.extraction.ExtractionLimitsTest.docxExpandingTo(100);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        record Bad(String filename, byte[] content, String mediaType, int status, String code, String message) {
        }
        List<Bad> cases = List.of(
                new Bad("corrupt.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog /Pages 2 0 R >> garbage".getBytes(StandardCharsets.ISO_8859_1),
                        "application/pdf", 400, "validation_error", "PDF"),
                new Bad("not-really.pdf", "just some words".getBytes(StandardCharsets.UTF_8), "application/pdf", 400, "validation_error", "not a valid PDF"),
                new Bad("locked.pdf", CvFiles.pdf(ALICE, "s3cret"), "application/pdf", 400, "validation_error", "password-protected"),
                new Bad("scan.pdf", CvFiles.pdf(List.of()), "application/pdf", 400, "validation_error", "no extractable text"),
                new Bad("corrupt.docx", "PK\u0003\u0004 this is not a zip".getBytes(StandardCharsets.ISO_8859_1), DOCX, 400, "validation_error", "DOCX"),
                new Bad("archive.docx", CvFiles.zip(), DOCX, 400, "validation_error", "DOCX"),
                new Bad("locked.docx", CvFiles.encryptedDocx(ALICE, "s3cret"), DOCX, 400, "validation_error", "password-protected"),
                new Bad("blank.docx", CvFiles.docx(List.of("", "   ")), DOCX, 400, "validation_error", "no extractable text"),
                new Bad("empty.txt", new byte[0], "text/plain", 400, "validation_error", "empty"),
                new Bad("spaces.md", " \n\t \n".getBytes(StandardCharsets.UTF_8), "text/markdown", 400, "validation_error", "no extractable text"),
                new Bad("binary.txt", new byte[]{'a', 0, 'b', 0}, "text/plain", 400, "validation_error", "not a text file"),
                new Bad("latin1.txt", "Andr\u00e9".getBytes(StandardCharsets.ISO_8859_1), "text/plain", 400, "validation_error", "UTF-8"),
                new Bad("huge.txt", tooLarge, "text/plain", 413, "payload_too_large", "at most 10485760 bytes"),
                new Bad("photo.png", png, "image/png", 415, "unsupported_media_type", "unsupported file type"),
                new Bad("old.doc", CvFiles.ole2(), "application/msword", 415, "unsupported_media_type", "legacy Word"),
                new Bad("renamed.docx", CvFiles.ole2(), DOCX, 400, "validation_error", "legacy Word"),
                // a few hundred KB that inflate to 100 MB: refused at the expansion budget, not read whole
                new Bad("bomb.docx", docxBomb, DOCX, 413, "payload_too_large", "expands to more than 32 MB"));
        for (Bad bad : cases) {
            for (String path : List.of("/api/v1/candidates/" + cand + "/documents", "/api/v1/candidates/upload")) {
                upload(org, path, bad.filename(), bad.content(), bad.mediaType(), Map.of("name", "Someone Else"))
                        .statusCode(bad.status())
                        .body("error.code", equalTo(bad.code()))
                        .body("error.message", containsString(bad.message()));
            }
        }
        as(org, "candidates:read", "candidates:write").multiPart("name", "No File").post("/api/v1/candidates/upload").then()
                .statusCode(400).body("error.message", containsString("file"));
        as(org, "candidates:read", "candidates:write").contentType(ContentType.JSON).body("{}").post("/api/v1/candidates/upload").then()
                .statusCode(415).body("error.code", equalTo("unsupported_media_type"));

        as(org, "candidates:read").get("/api/v1/candidates").then().body("meta.total", equalTo(1));
        as(org, "candidates:read").get("/api/v1/candidates/" + cand).then().body("data.documents", hasSize(0)).body("data.cvText", nullValue());
        assertEquals(rowsBefore, outboxRows(org), "a refused file writes no event");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
