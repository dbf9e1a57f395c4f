package io.recruitsuite.search;

import io.recruitsuite.common.testing.TestTokens;
import io.recruitsuite.search.query.SearchFilter;
import io.recruitsuite.search.query.SearchRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keyword half (BM25 with per-organization statistics kept at index time) against real PostgreSQL. */
@QuarkusTest
class TextRetrievalTest {

    static final int CROWD = 150;

    @Inject
    SearchRepository repository;
    @Inject
    Pool pool;

    @Test
    void aRareWordOutweighsCommonOnesAndStatisticsFollowWritesAndDeletes() {
        String org = TestTokens.newOrganizationId();
        for (int i = 0; i < CROWD; i++) {
            insert(org, org + "_crowd_" + i, "Experienced software engineer, years of experience shipping product features " + i);
        }
        insert(org, org + "_erlang", "Experienced engineer: Erlang and OTP telecom switching, distributed systems");
        insert(org, org + "_nurse", "Registered nurse on surgical wards: wound dressing and medication rounds");

        // the rare word decides; the common ones still count but never outweigh it
        SearchRepository.Found erlang = keywords(org, "erlang developer experience");
        assertEquals(org + "_erlang", erlang.own().keySet().iterator().next(), erlang.toString());
        assertTrue(erlang.ceiling() > 0);

        // words as written (no stemming); an unknown word matches nothing but weighs in the query
        SearchRepository.Found nurse = keywords(org, "Nurse sommelier");
        assertEquals(List.of(org + "_nurse"), List.copyOf(nurse.own().keySet()));
        assertTrue(nurse.own().get(org + "_nurse") < nurse.ceiling() / 2, "half of the query is unmatched");

        // per-organization statistics, maintained by the writes: N and the term's document frequency
        assertEquals(CROWD + 2L, scalar("select documents from search_org_stats where organization_id = $1", org));
        assertEquals(CROWD + 1L, scalar("select documents from search_term_stats where organization_id = $1 and lexeme = 'engineer'", org));
        pool.preparedQuery("delete from search_documents where organization_id = $1 and id like $2")
                .execute(Tuple.of(org, org + "_crowd_1%")).await().indefinitely();
        long left = CROWD + 2L - 1 - 10 - 50;
        assertEquals(left, scalar("select documents from search_org_stats where organization_id = $1", org));
        assertEquals(left - 1, scalar("select documents from search_term_stats where organization_id = $1 and lexeme = 'engineer'", org));

        // another organization's documents change nothing here
        double before = keywords(org, "erlang developer experience").own().get(org + "_erlang");
        String other = TestTokens.newOrganizationId();
        insert(other, other + "_erlang", "Erlang Erlang Erlang developer");
        assertEquals(before, keywords(org, "erlang developer experience").own().get(org + "_erlang"), 1e-6);
        assertTrue(keywords(org, "erlang").own().keySet().stream().allMatch(id -> id.startsWith(org)));

        // a common word reads at most search.text.term-cap documents
        assertTrue(keywords(org, "experienced engineer").own().size() <= 100);
    }

    private SearchRepository.Found keywords(String org, String query) {
        return repository.keywordHalf(org, query, SearchFilter.NONE, 100, null).await().indefinitely();
    }

    private long scalar(String sql, String org) {
        return pool.preparedQuery(sql).execute(Tuple.of(org)).await().indefinitely().iterator().next().getLong(0);
    }

    private void insert(String org, String id, String text) {
        pool.preparedQuery("insert into search_documents (id, organization_id, candidate_id, filename) values ($1, $2, $3, $4)")
                .execute(Tuple.of(id, org, "cand_" + id, id + ".txt")).await().indefinitely();
        pool.preparedQuery("insert into search_chunks (document_id, organization_id, chunk_index, content, embedding) "
                        + "values ($1, $2, 0, $3, array_fill(0.05, array[384])::vector)")
                .execute(Tuple.of(id, org, text)).await().indefinitely();
        pool.preparedQuery("select search_index_terms($1, $2, $3, 'simple', 1.2, 0.75)").execute(Tuple.of(org, id, text)).await().indefinitely();
    }
}
