package io.recruitsuite.candidate;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.recruitsuite.candidate.CandidatesTest.as;
import static io.recruitsuite.candidate.CandidatesTest.writer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deleting a candidate erases what this service keeps of it: the candidate, its documents (the CV text), and the published
 * outbox rows about it (kept for diagnosis otherwise), in the deleting transaction; another candidate's rows stay.
 */
@QuarkusTest
class ErasureTest {

    @Inject
    Pool pool;

    @Test
    void deletingACandidateLeavesNoRowOfItsContactOrCvButTheDeletionEvent() throws Exception {
        String org = TestTokens.newOrganizationId();
        String erased = writer(org).body(Map.of("name", "Erin Erasable", "email", "erin.erasable@example.com",
                        "cvText", "Erin Erasable, welder, marker-cv-erin.", "filename", "erin.txt"))
                .post("/api/v1/candidates").then().statusCode(201).extract().path("data.id");
        String kept = writer(org).body(Map.of("name", "Kim Kept", "email", "kim.kept@example.com"))
                .post("/api/v1/candidates").then().statusCode(201).extract().path("data.id");
        awaitPublished(org);

        as(org, "candidates:write").delete("/api/v1/candidates/" + erased).then().statusCode(204);

        List<String> rows = rows("select event_type || ' ' || payload from outbox where record_key = $1", org);
        assertTrue(rows.stream().noneMatch(r -> r.contains("erin.erasable@example.com") || r.contains("Erin Erasable")), String.valueOf(rows));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("candidate.deleted ") && r.contains(erased)), "the deletion itself leaves: " + rows);
        assertTrue(rows.stream().anyMatch(r -> r.contains("kim.kept@example.com") && r.contains(kept)), "another candidate's rows stay");
        assertEquals(List.of(), rows("select text from documents where organization_id = $1 and text like '%marker-cv-erin%'", org));
        assertEquals(List.of(), rows("select email from candidates where organization_id = $1 and email = 'erin.erasable@example.com'", org));
    }

    private void awaitPublished(String org) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (rows("select id::text from outbox where record_key = $1 and published_at is null", org).isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the outbox rows of " + org + " were not published within 60 s");
    }

    private List<String> rows(String sql, String org) {
        var result = pool.preparedQuery(sql).execute(Tuple.of(org)).await().atMost(Duration.ofSeconds(10));
        List<String> out = new ArrayList<>();
        result.forEach(r -> out.add(r.getString(0)));
        return out;
    }
}
