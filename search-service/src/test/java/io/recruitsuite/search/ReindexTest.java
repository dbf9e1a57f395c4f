package io.recruitsuite.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.recruitsuite.search.SearchTest.awaitTotal;
import static io.recruitsuite.search.SearchTest.publish;
import static io.recruitsuite.search.SearchTest.search;
import static io.recruitsuite.search.SearchTest.seed;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The operator reindex against the real database: rebuilt from the CVs the (stand-in) candidate-service holds, not from
 * the topic, one organization only.
 */
@QuarkusTest
class ReindexTest {

    @Inject
    Pool pool;

    @Test
    void wipedOrganizationComesBackFromTheCandidateServiceAndOthersAreUntouched() {
        String org = TestTokens.newOrganizationId();
        String other = TestTokens.newOrganizationId();
        String nurse = seed(org);
        seed(other);
        // an erased CV must stay erased after the rebuild
        String extra = SearchTest.publishUpload(org, "Late Larry", "Forklift operator and warehouse picker.", List.of(), "txt");
        awaitTotal(org, "work experience", SearchTest.CVS.size() + 1);
        CandidateServiceStandIn.erase(org, extra);
        ObjectNode gone = SearchTest.MAPPER.createObjectNode().put("documentId", extra).put("candidateId", "cand_" + extra.substring(4));
        publish(org, "document.deleted", gone, UUID.randomUUID().toString());
        awaitTotal(org, "work experience", SearchTest.CVS.size());
        List<String> otherBefore = indexedAt(other);

        // the index of org is lost, and a row of a CV the candidate-service does not have appears
        sql("delete from search_documents where organization_id = $1", org);
        sql("insert into search_documents (id, organization_id, candidate_id, filename) values ('doc_orphan_" + org + "', $1, 'cand_x', 'orphan.txt')", org);
        sql("insert into search_chunks (document_id, organization_id, chunk_index, content, embedding) select 'doc_orphan_' || $1, $1, 0, "
                + "'registered nurse orphan', array_fill(0.05, array[384])::vector", org);
        search(org, Map.of("query", "registered nurse")).then().statusCode(200).body("meta.total", equalTo(1));

        given().post("/admin/v1/reindex/" + org).then().statusCode(401).body("error.code", equalTo("unauthorized"));
        given().header("X-Operator-Token", "not-the-operator-token").post("/admin/v1/reindex/" + org).then().statusCode(401);
        given().header("X-Operator-Token", TestTokens.operatorToken()).get("/admin/v1/reindex/" + org).then().statusCode(404)
                .body("error.code", equalTo("not_found"));

        given().header("X-Operator-Token", TestTokens.operatorToken()).post("/admin/v1/reindex/" + org).then().statusCode(202)
                .body("data.organizationId", equalTo(org)).body("data.status", equalTo("running"));
        Response run = awaitRun(org);
        run.then().body("data.status", equalTo("completed")).body("data.documentsRemoved", equalTo(1));
        assertEquals(SearchTest.CVS.size(), ((Number) run.path("data.eventsRead")).intValue(), "the documents the candidate-service holds");
        assertEquals(SearchTest.CVS.size(), ((Number) run.path("data.eventsApplied")).intValue(), "each written");

        search(org, Map.of("query", "someone to look after sick people in a clinic", "limit", 3)).then().statusCode(200)
                .body("data[0].id", equalTo(nurse)).body("data[0].candidateName", equalTo("Nadia Nurse"))
                .body("meta.total", equalTo(SearchTest.CVS.size()));
        search(org, Map.of("query", "warehouse forklift")).then().body("data.id", not(hasItem(extra)));
        search(org, Map.of("query", "nurse")).then().body("data.filename", not(hasItem("orphan.txt")));
        assertEquals(otherBefore, indexedAt(other), "another organization's rows are not rewritten");
        search(other, Map.of("query", "work experience", "limit", 50)).then().body("meta.total", equalTo(SearchTest.CVS.size()));

        // live events after a reindex still apply
        CandidateServiceStandIn.erase(org, nurse);
        publish(org, "document.deleted", SearchTest.MAPPER.createObjectNode().put("documentId", nurse), UUID.randomUUID().toString());
        awaitTotal(org, "work experience", SearchTest.CVS.size() - 1);
    }

    private Response awaitRun(String org) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Response r = null;
        while (System.nanoTime() < deadline) {
            r = given().header("X-Operator-Token", TestTokens.operatorToken()).get("/admin/v1/reindex/" + org);
            if (r.statusCode() == 200 && !"running".equals(r.path("data.status"))) {
                return r;
            }
            SearchTest.sleep(300);
        }
        fail("reindex did not finish: " + (r == null ? "" : r.asString()));
        return r;
    }

    private void sql(String statement, String org) {
        pool.preparedQuery(statement).execute(Tuple.of(org)).await().atMost(Duration.ofSeconds(10));
    }

    private List<String> indexedAt(String org) {
        var rows = pool.preparedQuery("select id || ' ' || indexed_at::text from search_documents where organization_id = $1 order by id")
                .execute(Tuple.of(org)).await().atMost(Duration.ofSeconds(10));
        List<String> out = new java.util.ArrayList<>();
        for (var it = rows.iterator(); it.hasNext(); ) {
            out.add(it.next().getString(0));
        }
        return out;
    }
}
