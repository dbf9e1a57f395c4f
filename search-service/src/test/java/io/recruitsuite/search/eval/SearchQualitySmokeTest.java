package io.recruitsuite.search.eval;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import io.recruitsuite.search.query.SearchFilter;
import io.recruitsuite.search.query.SearchService;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small, fast slice of the evaluation in the normal suite: 30 CVs of the labelled set, five
 * recruiter queries; hybrid search puts a CV that is exactly what was asked for in the top three; and
 * over all 46 evaluation queries in every mode, similarity stays within 0–1 and never increases down
 * the list.
 */
@QuarkusTest
class SearchQualitySmokeTest {

    static final List<String> QUERIES = List.of("q01", "q02", "q04", "q14", "q39");
    static final int SIZE = 30;

    @Inject
    SearchService search;
    @Inject
    Pool pool;

    @Test
    void hybridSearchFindsTheBestMatchesOfRecruiterQueries() throws InterruptedException {
        List<EvalSet.Query> queries = EvalSet.queries().stream().filter(q -> QUERIES.contains(q.id())).toList();
        List<EvalSet.Cv> all = EvalSet.cvs();
        Set<String> chosen = new LinkedHashSet<>();
        for (EvalSet.Query q : queries) {
            q.relevant().entrySet().stream().filter(e -> e.getValue() == 3).limit(3).forEach(e -> chosen.add(e.getKey()));
        }
        all.stream().map(EvalSet.Cv::id).filter(id -> chosen.size() < SIZE).forEach(chosen::add);
        List<EvalSet.Cv> cvs = all.stream().filter(cv -> chosen.contains(cv.id())).toList();

        String org = TestTokens.newOrganizationId();
        EvalSet.publishUploads(org, cvs);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (count(org) < cvs.size() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(count(org) == cvs.size(), "indexed " + count(org) + " of " + cvs.size());

        List<String> misses = new ArrayList<>();
        for (EvalSet.Query q : queries) {
            List<String> top = search.search(org, new SearchService.Query(q.text(), 3, 1, SearchFilter.NONE), SearchService.Mode.HYBRID)
                    .await().atMost(Duration.ofSeconds(30)).results().stream().map(r -> EvalSet.cvId(r.id())).toList();
            Map<String, Integer> grades = q.relevant();
            if (top.stream().noneMatch(id -> grades.getOrDefault(id, 0) == 3) || grades.getOrDefault(top.get(0), 0) < 2) {
                misses.add(q.text() + " -> " + top);
            }
        }
        assertTrue(misses.isEmpty(), "queries without an exact match on top: " + misses);

        // every evaluation query, every mode: similarity within 0-1 and never increasing down the list
        List<String> violations = new ArrayList<>();
        for (EvalSet.Query q : EvalSet.queries()) {
            for (SearchService.Mode mode : SearchService.Mode.values()) {
                var results = search.search(org, new SearchService.Query(q.text(), 10, 1, SearchFilter.NONE), mode)
                        .await().atMost(Duration.ofSeconds(30)).results();
                for (int i = 0; i < results.size(); i++) {
                    double s = results.get(i).similarity();
                    if (s < 0 || s > 1 || i > 0 && s > results.get(i - 1).similarity()) {
                        violations.add(mode + " \"" + q.text() + "\" at " + (i + 1) + ": " + s);
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), "similarity must be within 0-1 and never increase: " + violations);
    }

    private long count(String org) {
        return pool.preparedQuery("select count(*) from search_documents where organization_id = $1").execute(Tuple.of(org))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
