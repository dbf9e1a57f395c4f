package io.recruitsuite.search;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.recruitsuite.search.embedding.CountingEmbeddings;
import io.recruitsuite.search.embedding.QueryEmbeddings;

import static io.recruitsuite.search.SearchTest.searchWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The query-vector cache is per organization: one organization's cached query never answers another's,
 * so replaying someone else's exact query is not faster (the timing would reveal what they searched).
 */
@QuarkusTest
class QueryCacheIsolationTest {

    @Inject
    QueryEmbeddings embeddings;

    @Test
    void anotherOrganizationsIdenticalQueryIsAMissNotAHit() {
        String query = "cache probe " + UUID.randomUUID();
        String victim = TestTokens.newOrganizationId();
        String attacker = TestTokens.newOrganizationId();

        searchWith(victim, Map.of("query", query), "search:read").then().statusCode(200);
        assertEquals(1, CountingEmbeddings.queries(query), "the victim's search embedded the query once");
        searchWith(victim, Map.of("query", query), "search:read").then().statusCode(200);
        assertEquals(1, CountingEmbeddings.queries(query), "the victim's repeated query is served from its cache");

        // the attacker's replay of the same text is computed, as any new query would be
        searchWith(attacker, Map.of("query", query), "search:read").then().statusCode(200);
        assertEquals(2, CountingEmbeddings.queries(query), "another organization's identical query must not hit the victim's entry");

        // and directly: the two organizations' entries are distinct, each still a hit for its owner
        embeddings.embed(attacker, query).await().atMost(Duration.ofSeconds(30));
        embeddings.embed(victim, query).await().atMost(Duration.ofSeconds(30));
        assertEquals(2, CountingEmbeddings.queries(query));
    }
}
