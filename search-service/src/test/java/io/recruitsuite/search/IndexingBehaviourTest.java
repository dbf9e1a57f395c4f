package io.recruitsuite.search;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import io.recruitsuite.search.embedding.BgeSmallEmbeddingProvider;
import io.recruitsuite.search.embedding.EmbeddingProvider;
import io.recruitsuite.search.eval.EvalSet;
import io.recruitsuite.search.indexing.Vectors;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.testing.TestKafka;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.recruitsuite.search.SearchTest.awaitTotal;
import static io.recruitsuite.search.SearchTest.publishUpload;
import static io.recruitsuite.search.SearchTest.search;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Query instruction, tenant isolation under filtered HNSW scans, searches during an indexing backlog, event order. */
@QuarkusTest
class IndexingBehaviourTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    EmbeddingProvider embeddings;
    @Inject
    Pool pool;

    @Test
    void queriesGetTheRetrievalInstructionAndPassagesDoNot() {
        String q = "nurse for an intensive care unit";
        float[] query = embeddings.embedQuery(q);
        float[] withInstruction = embeddings.embedPassages(List.of(BgeSmallEmbeddingProvider.QUERY_INSTRUCTION + q)).get(0);
        float[] plain = embeddings.embedPassages(List.of(q)).get(0);
        assertTrue(cosine(query, withInstruction) > 0.999, "a query is embedded with the instruction");
        assertTrue(cosine(query, plain) < 0.99, "a passage is embedded as it is");
        assertTrue(embeddings.dimensions() == query.length);
    }

    @Test
    void anOrganizationFindsItsFarAwayCvEvenWhenThousandsOfCloserChunksBelongToOthers() {
        String org = TestTokens.newOrganizationId();
        String other = TestTokens.newOrganizationId();
        String nurse = publishUpload(org, "Nadia Nurse", SearchTest.CVS.get("Nadia Nurse"), List.of(), "txt");
        awaitTotal(org, "work experience", 1);
        // the pool's sessions start with pgvector's iterative scan and custom plans, set on the database (not as
        // connection startup parameters, which a pooler drops), as the vector half relies on
        var settings = pool.query("select current_setting('hnsw.iterative_scan'), current_setting('hnsw.ef_search'), "
                        + "current_setting('plan_cache_mode')").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertEquals("relaxed_order", settings.getString(0));
        assertEquals("100", settings.getString(1));
        assertEquals("force_custom_plan", settings.getString(2));
        var startup = pool.query("select count(*) from pg_db_role_setting s join pg_database d on d.oid = s.setdatabase "
                        + "where d.datname = current_database() and 'plan_cache_mode=force_custom_plan' = any (s.setconfig)").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertEquals(1L, startup.getLong(0), "stored on the database, so sessions through a pooler get it too");
        // the other organization's chunks are exactly what the query asks for, and far more than hnsw.ef_search
        String query = "senior react developer with TypeScript";
        String vector = Vectors.literal(embeddings.embedQuery(query));
        pool.preparedQuery("insert into search_documents (id, organization_id, candidate_id, filename) "
                        + "select 'doc_near_' || $1 || '_' || g, $1, 'cand_' || g, 'react.txt' from generate_series(1, 2000) g")
                .execute(Tuple.of(other)).await().atMost(Duration.ofSeconds(30));
        pool.preparedQuery("insert into search_chunks (document_id, organization_id, chunk_index, content, embedding) "
                        + "select 'doc_near_' || $1 || '_' || g, $1, 0, 'Senior React developer, TypeScript', $2::vector from generate_series(1, 2000) g")
                .execute(Tuple.of(other, vector)).await().atMost(Duration.ofSeconds(30));
        pool.query("analyze search_chunks").execute().await().atMost(Duration.ofSeconds(30));

        search(org, Map.of("query", query)).then().statusCode(200)
                .body("meta.total", equalTo(1)).body("data[0].id", equalTo(nurse));
        search(other, Map.of("query", query, "limit", 50)).then().statusCode(200)
                .body("data.filename.unique()", equalTo(List.of("react.txt")));
    }

    @Test
    void searchesAnswerWhileABacklogOfUploadsIsIndexed() {
        String searching = TestTokens.newOrganizationId();
        SearchTest.seed(searching);
        String importing = TestTokens.newOrganizationId();
        List<EvalSet.Cv> cvs = EvalSet.cvs().subList(0, 40);
        EvalSet.publishUploads(importing, cvs);
        List<String> queries = List.of("chef who runs a kitchen", "lorry driver for european routes", "month end accounts",
                "surgical ward nurse", "frontend engineer with react");
        long slowest = 0;
        for (String q : queries) {
            long t = System.nanoTime();
            Response r = search(searching, Map.of("query", q, "limit", 3));
            slowest = Math.max(slowest, (System.nanoTime() - t) / 1_000_000);
            r.then().statusCode(200).body("meta.total", equalTo(SearchTest.CVS.size()));
        }
        long indexed = count(importing);
        assertTrue(indexed < cvs.size(), "the searches ran while the backlog was still being indexed (" + indexed + " of " + cvs.size() + ")");
        assertTrue(slowest < 5_000, "a search waited " + slowest + " ms behind the indexing backlog");
        awaitTotal(importing, "work experience", cvs.size());
    }

    @Test
    void eventsReadTogetherApplyInTheirOrderWhileTheirCvsAreEmbeddedAhead() {
        String org = TestTokens.newOrganizationId();
        List<EvalSet.Cv> cvs = EvalSet.cvs().subList(40, 45);
        String[] ids = new String[cvs.size()];
        List<TestKafka.Raw> events = new ArrayList<>();
        for (int i = 0; i < cvs.size(); i++) {
            ids[i] = "doc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
            ObjectNode data = SearchTest.uploadData(org, ids[i], cvs.get(i).name(), cvs.get(i).text(), List.of(), "pdf");
            if (i == 2) {
                // bad data (as the candidate-service gives it): skipped, and the events after it still apply
                CandidateServiceStandIn.register(org, data.deepCopy().put("uploadedAt", "yesterday").put("text", cvs.get(i).text()));
            }
            events.add(SearchTest.envelope(org, "document.upload", data, UUID.randomUUID().toString()));
            if (i == 3) {
                // uploaded again in the same poll: the second write replaces the first's passages and terms
                events.add(SearchTest.envelope(org, "document.upload", data, UUID.randomUUID().toString()));
            }
            if (i == 0) {
                // the rename must land on the row the upload writes, although it is read while that CV is embedded
                events.add(SearchTest.envelope(org, "candidate.updated", MAPPER.createObjectNode()
                        .put("candidateId", "cand_" + ids[0].substring(4)).put("name", "Renamed Rita"), UUID.randomUUID().toString()));
            }
            if (i == 1) {
                events.add(SearchTest.envelope(org, "document.deleted", MAPPER.createObjectNode()
                        .put("documentId", ids[1]).put("candidateId", "cand_" + ids[1].substring(4)), UUID.randomUUID().toString()));
                events.add(new TestKafka.Raw(UUID.randomUUID().toString(), "document.upload", "{not json"));
            }
        }
        TestKafka.publishAll(Topics.CANDIDATE_EVENTS, org, events);

        Response r = awaitTotal(org, "work experience", cvs.size() - 2);
        List<String> found = r.jsonPath().getList("data.id");
        assertEquals(Set.of(ids[0], ids[3], ids[4]), Set.copyOf(found));
        assertEquals("Renamed Rita", r.jsonPath().getString("data.find { it.id == '" + ids[0] + "' }.candidateName"));
        // events applied together in one transaction keep BM25's statistics those of the terms written: the organization's
        // documents and length, and every word's document count (the deleted CV and the first write of the re-upload gone)
        var orgStats = pool.preparedQuery("select documents, total_length from search_org_stats where organization_id = $1")
                .execute(Tuple.of(org)).await().atMost(Duration.ofSeconds(10)).iterator().next();
        var written = pool.preparedQuery("select count(*), coalesce(sum(length), 0) from (select distinct document_id, length "
                        + "from search_terms where organization_id = $1) d").execute(Tuple.of(org))
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertEquals(3L, orgStats.getLong(0));
        assertEquals(written.getLong(0), orgStats.getLong(0));
        assertEquals(written.getLong(1), orgStats.getLong(1));
        long wrongCounts = pool.preparedQuery("select count(*) from (select lexeme, count(*) n from search_terms where organization_id = $1 "
                        + "group by lexeme) t full join (select lexeme, documents from search_term_stats where organization_id = $1) s "
                        + "using (lexeme) where coalesce(t.n, 0) <> coalesce(s.documents, 0)").execute(Tuple.of(org))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        assertEquals(0L, wrongCounts, "words whose statistics differ from the terms written");
    }

    private long count(String org) {
        return pool.preparedQuery("select count(*) from search_documents where organization_id = $1").execute(Tuple.of(org))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
