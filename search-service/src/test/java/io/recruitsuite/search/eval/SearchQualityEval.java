package io.recruitsuite.search.eval;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.search.query.SearchFilter;
import io.recruitsuite.search.query.SearchResult;
import io.recruitsuite.search.query.SearchService;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed search-quality evaluation: indexes the labelled CVs through the real path (upload
 * events on Kafka, the real model, PostgreSQL/pgvector), runs every query in hybrid, full-text-only
 * and vector-only mode and reports nDCG@10, MRR@10 and recall@10. Not part of the normal test
 * suite: run it with {@code search-service/bench/eval.sh}. The report is written to
 * {@code target/search-quality.md}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "searchEval", matches = "true")
class SearchQualityEval {

    static final int K = 10;
    static final String ORG = "org_search_quality_eval";
    static final Duration INDEXING_TIMEOUT = Duration.ofMinutes(20);

    @Inject
    SearchService search;
    @Inject
    Pool pool;

    record Scores(double ndcg, double mrr, double recall) {
    }

    @Test
    void hybridBeatsEachSingleModeOnNdcg() throws Exception {
        List<EvalSet.Cv> cvs = EvalSet.cvs();
        List<EvalSet.Query> queries = EvalSet.queries();
        pool.preparedQuery("delete from search_documents where organization_id = $1").execute(Tuple.of(ORG)).await().indefinitely();
        long start = System.nanoTime();
        EvalSet.publishUploads(ORG, cvs);
        awaitIndexed(cvs.size());
        double indexingSeconds = (System.nanoTime() - start) / 1e9;
        // column statistics as autovacuum keeps them in production: the full-text retriever reads them
        pool.query("analyze search_chunks").execute().await().indefinitely();

        Map<SearchService.Mode, Scores> means = new EnumMap<>(SearchService.Mode.class);
        StringBuilder perQuery = new StringBuilder("| query | hybrid | full text | vector |\n|---|---|---|---|\n");
        Map<SearchService.Mode, List<Scores>> all = new EnumMap<>(SearchService.Mode.class);
        for (EvalSet.Query q : queries) {
            StringBuilder row = new StringBuilder("| " + q.text());
            for (SearchService.Mode mode : List.of(SearchService.Mode.HYBRID, SearchService.Mode.TEXT, SearchService.Mode.VECTOR)) {
                List<String> ranking = rank(q.text(), mode);
                Scores s = new Scores(Metrics.ndcg(ranking, q.relevant(), K), Metrics.reciprocalRank(ranking, q.relevant(), K),
                        Metrics.recall(ranking, q.relevant(), K));
                all.computeIfAbsent(mode, m -> new ArrayList<>()).add(s);
                row.append(" | ").append(fmt(s.ndcg()));
            }
            perQuery.append(row).append(" |\n");
        }
        all.forEach((mode, list) -> means.put(mode, new Scores(list.stream().mapToDouble(Scores::ndcg).average().orElse(0),
                list.stream().mapToDouble(Scores::mrr).average().orElse(0), list.stream().mapToDouble(Scores::recall).average().orElse(0))));

        String table = "| mode | nDCG@10 | MRR@10 | recall@10 |\n|---|---|---|---|\n"
                + line("hybrid (RRF)", means.get(SearchService.Mode.HYBRID))
                + line("full text only", means.get(SearchService.Mode.TEXT))
                + line("vector only", means.get(SearchService.Mode.VECTOR));
        String report = "# Search quality\n\n" + cvs.size() + " CVs, " + queries.size() + " queries, indexed in "
                + String.format(Locale.ROOT, "%.1f", indexingSeconds) + " s\n\n" + table + "\nnDCG@10 per query:\n\n" + perQuery;
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "search-quality.md"), report);

        double hybrid = means.get(SearchService.Mode.HYBRID).ndcg();
        assertTrue(hybrid > means.get(SearchService.Mode.TEXT).ndcg() && hybrid > means.get(SearchService.Mode.VECTOR).ndcg(),
                "hybrid must beat both single modes on nDCG@10:\n" + table);
    }

    private List<String> rank(String text, SearchService.Mode mode) {
        List<SearchResult> results = search.search(ORG, new SearchService.Query(text, K, 1, SearchFilter.NONE), mode)
                .await().atMost(Duration.ofSeconds(30)).results();
        return results.stream().map(r -> EvalSet.cvId(r.id())).toList();
    }

    private void awaitIndexed(int count) throws InterruptedException {
        long deadline = System.nanoTime() + INDEXING_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            long indexed = pool.preparedQuery("select count(*) from search_documents where organization_id = $1").execute(Tuple.of(ORG))
                    .await().indefinitely().iterator().next().getLong(0);
            if (indexed >= count) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the evaluation set was not indexed within " + INDEXING_TIMEOUT);
    }

    private static String line(String name, Scores s) {
        return "| " + name + " | " + fmt(s.ndcg()) + " | " + fmt(s.mrr()) + " | " + fmt(s.recall()) + " |\n";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
