package io.recruitsuite.search;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import io.recruitsuite.search.query.SearchFilter;
import io.recruitsuite.search.query.SearchRepository;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounded full-text retriever against real PostgreSQL: what it must still find. */
@QuarkusTest
class TextRetrievalTest {

    static final int CROWD = 150;

    @Inject
    SearchRepository repository;
    @Inject
    Pool pool;

    @Test
    void aSelectiveWordFindsItsCvAmongManyThatShareTheCommonWords() {
        String org = TestTokens.newOrganizationId();
        for (int i = 0; i < CROWD; i++) {
            insert(org, org + "_crowd_" + i, "Experienced software engineer, years of experience shipping product features " + i);
        }
        insert(org, org + "_erlang", "Experienced engineer: Erlang and OTP telecom switching, distributed systems");
        insert(org, org + "_nurse", "Registered nurse on surgical wards: wound dressing and medication rounds");
        // as autovacuum would: the statistics now know "engineer" and "experience" are in most chunks
        pool.query("analyze search_chunks").execute().await().indefinitely();

        // no chunk has all three words; the selective one still finds its CV, first
        List<String> erlang = repository.textRanking(org, "erlang developer experience", SearchFilter.NONE, 100)
                .await().indefinitely();
        assertEquals(org + "_erlang", erlang.get(0), erlang.toString());

        // stemmed words are not stemmed twice: "nurses" is found through the lexeme "nurs"
        List<String> nurse = repository.textRanking(org, "nurses sommelier", SearchFilter.NONE, 100).await().indefinitely();
        assertEquals(List.of(org + "_nurse"), nurse);

        // all-words matches come first and common words alone never make the candidate set unbounded
        List<String> common = repository.textRanking(org, "experienced engineer", SearchFilter.NONE, 100).await().indefinitely();
        assertEquals(100, common.size());
        assertTrue(!common.contains(org + "_nurse"));
    }

    private void insert(String org, String id, String text) {
        pool.preparedQuery("insert into search_documents (id, organization_id, candidate_id, filename) values ($1, $2, $3, $4)")
                .execute(Tuple.of(id, org, "cand_" + id, id + ".txt")).await().indefinitely();
        pool.preparedQuery("insert into search_chunks (document_id, organization_id, chunk_index, content, embedding) "
                        + "values ($1, $2, 0, $3, array_fill(0.05, array[384])::vector)")
                .execute(Tuple.of(id, org, text)).await().indefinitely();
    }
}
