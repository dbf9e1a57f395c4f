package io.recruitsuite.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.recruitsuite.webhook.Api.register;
import static io.recruitsuite.webhook.TestEvents.MAPPER;
import static io.recruitsuite.webhook.TestEvents.await;
import static io.recruitsuite.webhook.TestEvents.publish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Erasure reaches the delivery log: on {@code candidate.deleted} every stored payload about that candidate, delivered or
 * still pending, keeps only its envelope and ids; other candidates' payloads are untouched.
 */
@QuarkusTest
class ErasureRedactionTest {

    @Inject
    Pool pool;

    @Test
    void storedPayloadsOfAnErasedCandidateKeepOnlyIds() {
        String org = TestTokens.newOrganizationId();
        try (Receiver ok = new Receiver(); Receiver failing = new Receiver()) {
            failing.status.set(500);
            register(org, ok.url(), null);
            register(org, failing.url(), null);
            String erased = "cand_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
            String kept = "cand_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
            String created = UUID.randomUUID().toString();
            publish(org, created, "candidate.created", MAPPER.createObjectNode().put("candidateId", erased).put("name", "Erin Erasable")
                    .put("email", "erin@example.com").set("tags", MAPPER.createArrayNode().add("nurse")));
            String upload = UUID.randomUUID().toString();
            publish(org, upload, "document.upload", MAPPER.createObjectNode().put("documentId", "doc_erin").put("candidateId", erased)
                    .put("filename", "erin-erasable-cv.pdf").put("candidateName", "Erin Erasable").put("fileSize", 10).put("fileType", "pdf")
                    .put("wordCount", 2).put("uploadedAt", "2026-01-01T00:00:00.000Z"));
            String other = UUID.randomUUID().toString();
            publish(org, other, "candidate.created", MAPPER.createObjectNode().put("candidateId", kept).put("name", "Kept Kim"));
            await("delivered at the working endpoint", Duration.ofSeconds(30), () -> !ok.withBodyContaining(created).isEmpty()
                    && !ok.withBodyContaining(upload).isEmpty() && !ok.withBodyContaining(other).isEmpty());
            assertTrue(payloads(org).stream().anyMatch(p -> p.contains("Erin Erasable")), "stored before the erasure");

            String deleted = UUID.randomUUID().toString();
            publish(org, deleted, "candidate.deleted", MAPPER.createObjectNode().put("candidateId", erased)
                    .set("documentIds", MAPPER.createArrayNode().add("doc_erin")));
            await("the erased candidate's payloads redacted", Duration.ofSeconds(30),
                    () -> payloads(org).stream().noneMatch(p -> p.contains("Erin") || p.contains("erin-erasable")));

            List<String> all = payloads(org);
            // both endpoints' copies of the two events, delivered (ok) and pending (failing), redacted and keeping ids
            List<String> redacted = all.stream().filter(p -> p.contains("\"redacted\": true") || p.contains("\"redacted\":true")).toList();
            assertEquals(4, redacted.size(), String.valueOf(all));
            assertTrue(redacted.stream().allMatch(p -> p.contains(erased)), "the ids stay");
            assertTrue(redacted.stream().anyMatch(p -> p.contains("doc_erin")), "the document id stays");
            assertTrue(redacted.stream().noneMatch(p -> p.contains("nurse")), "no other field stays");
            assertEquals(2, all.stream().filter(p -> p.contains("Kept Kim")).count(), "another candidate's payloads are untouched");
            assertFalse(all.stream().filter(p -> p.contains(deleted)).anyMatch(p -> p.contains("redacted")), "the deletion itself goes out as it is");
        }
    }

    private List<String> payloads(String org) {
        var rows = pool.preparedQuery("select payload from webhook_deliveries where organization_id = $1").execute(Tuple.of(org))
                .await().atMost(Duration.ofSeconds(10));
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.getString(0)));
        return out;
    }
}
