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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed search-quality evaluation, on two data sets: the generated CVs and queries of
 * {@code src/test/resources/eval} and, when {@code ../shared/eval-data/real-cvs-dev.jsonl} is present,
 * real CVs with our own recruiter queries ({@code eval/real-queries.jsonl}, relevance by job category).
 * Each set is indexed through the real path (upload events on Kafka, the real model, PostgreSQL with
 * pgvector and the BM25 term statistics) into an organization of its own; every query runs as the
 * served hybrid search, semantic only and keyword only, and through a plain BM25 computed here
 * ({@link Bm25Baseline}). Reports nDCG@10, P@5, MRR@10 and recall@10. Not part of the normal test
 * suite: run it with {@code search-service/bench/eval.sh}; the report goes to
 * {@code target/search-quality.md}. Every response is also checked: similarity within 0–1 and never
 * increasing down the list.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "searchEval", matches = "true")
class SearchQualityEval {

    static final int K = 10;
    static final int P = 5;
    static final Duration INDEXING_TIMEOUT = Duration.ofMinutes(20);
    static final List<String> MODES = List.of("hybrid (served)", "keyword only", "semantic only", "plain BM25 (baseline)");
    /** Semantic weights the hybrid's top 50 are re-fused with, to show how much the served weight matters. */
    static final double[] WEIGHTS = {0.3, 0.4, 0.5, 0.6, 0.7};

    @Inject
    SearchService search;
    @Inject
    Pool pool;

    record Scores(double ndcg, double precision, double mrr, double recall) {
    }

    record Outcome(Map<String, Scores> means, String report) {
    }

    @Test
    void hybridBeatsEachSingleModeAndBm25() throws Exception {
        StringBuilder report = new StringBuilder("# Search quality\n\n");
        Outcome generated = evaluate("generated", "org_search_quality_eval", EvalSet.cvs(), EvalSet.queries());
        report.append(generated.report());
        List<EvalSet.Cv> real = EvalSet.realCvs();
        Outcome realOutcome = null;
        if (real.isEmpty()) {
            String skipped = "Real CVs: skipped, " + EvalSet.realCvsFile() + " is not present.\n";
            System.out.println(skipped);
            report.append("\n").append(skipped);
        } else {
            realOutcome = evaluate("real (development half)", "org_search_quality_real", real, EvalSet.realQueries(real));
            report.append("\n").append(realOutcome.report());
        }
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "search-quality.md"), report);

        assertHybridBeats(generated, 0);
        if (realOutcome != null) {
            assertHybridBeats(realOutcome, Double.parseDouble(System.getProperty("eval.real-margin", "0.03")));
        }
    }

    private static void assertHybridBeats(Outcome outcome, double margin) {
        double hybrid = outcome.means().get(MODES.get(0)).ndcg();
        for (String other : MODES.subList(1, MODES.size())) {
            assertTrue(hybrid > outcome.means().get(other).ndcg() + margin,
                    "hybrid must beat " + other + " on nDCG@10 by more than " + margin + ":\n" + outcome.report());
        }
    }

    private Outcome evaluate(String name, String org, List<EvalSet.Cv> cvs, List<EvalSet.Query> queries) throws Exception {
        pool.preparedQuery("delete from search_documents where organization_id = $1").execute(Tuple.of(org)).await().indefinitely();
        long start = System.nanoTime();
        EvalSet.publishUploads(org, cvs);
        awaitIndexed(org, cvs.size());
        double indexingSeconds = (System.nanoTime() - start) / 1e9;
        Bm25Baseline bm25 = new Bm25Baseline(cvs);

        Map<String, List<Scores>> all = new LinkedHashMap<>();
        StringBuilder perQuery = new StringBuilder("| query | hybrid | keyword | semantic | BM25 |\n|---|---|---|---|---|\n");
        List<String> violations = new ArrayList<>();
        List<double[]> hybridScores = new ArrayList<>();
        for (EvalSet.Query q : queries) {
            StringBuilder row = new StringBuilder("| " + q.text());
            for (String mode : MODES) {
                List<String> ranking = mode.equals(MODES.get(3)) ? bm25.rank(q.text(), K)
                        : rank(org, q, mode(mode), violations, mode.equals(MODES.get(0)) ? hybridScores : new ArrayList<>());
                Scores s = new Scores(Metrics.ndcg(ranking, q.relevant(), K), Metrics.precision(ranking, q.relevant(), P),
                        Metrics.reciprocalRank(ranking, q.relevant(), K), Metrics.recall(ranking, q.relevant(), K));
                all.computeIfAbsent(mode, m -> new ArrayList<>()).add(s);
                row.append(" | ").append(fmt(s.ndcg()));
            }
            perQuery.append(row).append(" |\n");
        }
        Map<String, Scores> means = new LinkedHashMap<>();
        all.forEach((mode, list) -> means.put(mode, new Scores(list.stream().mapToDouble(Scores::ndcg).average().orElse(0),
                list.stream().mapToDouble(Scores::precision).average().orElse(0), list.stream().mapToDouble(Scores::mrr).average().orElse(0),
                list.stream().mapToDouble(Scores::recall).average().orElse(0))));
        StringBuilder table = new StringBuilder("| mode | nDCG@10 | P@5 | MRR@10 | recall@10 |\n|---|---|---|---|---|\n");
        means.forEach((mode, s) -> table.append("| ").append(mode).append(" | ").append(fmt(s.ndcg())).append(" | ").append(fmt(s.precision()))
                .append(" | ").append(fmt(s.mrr())).append(" | ").append(fmt(s.recall())).append(" |\n"));
        String report = "## " + name + ": " + cvs.size() + " CVs, " + queries.size() + " queries, indexed in "
                + String.format(Locale.ROOT, "%.1f", indexingSeconds) + " s\n\n" + table + "\n" + thresholds(hybridScores) + "\n"
                + weights(org, queries)
                + "\nnDCG@10 per query:\n\n" + perQuery;
        assertTrue(violations.isEmpty(), "similarity must be within 0-1 and never increase down the list: " + violations);
        return new Outcome(means, report);
    }

    private static SearchService.Mode mode(String name) {
        return name.startsWith("hybrid") ? SearchService.Mode.HYBRID
                : name.startsWith("keyword") ? SearchService.Mode.KEYWORD : SearchService.Mode.SEMANTIC;
    }

    private List<String> rank(String org, EvalSet.Query q, SearchService.Mode mode, List<String> violations, List<double[]> scores) {
        List<SearchResult> results = search.search(org, new SearchService.Query(q.text(), K, 1, SearchFilter.NONE), mode)
                .await().atMost(Duration.ofSeconds(30)).results();
        for (int i = 0; i < results.size(); i++) {
            double s = results.get(i).similarity();
            if (s < 0 || s > 1 || i > 0 && s > results.get(i - 1).similarity()) {
                violations.add(mode + " \"" + q.text() + "\" at " + (i + 1) + ": " + s);
            }
            scores.add(new double[] {s, q.relevant().getOrDefault(EvalSet.cvId(results.get(i).id()), 0)});
        }
        return results.stream().map(r -> EvalSet.cvId(r.id())).toList();
    }

    /**
     * nDCG@10 if the hybrid's semantic weight were another: the served top 50 (limit 50, explain) of each
     * query re-ordered by w × semantic + (1 − w) × keyword. An approximation (a CV outside the served top
     * 50 could enter another weight's top ten), good enough to see whether the served weight is a sharp
     * optimum (tuned) or sits on a plateau.
     */
    private String weights(String org, List<EvalSet.Query> queries) {
        double[] sums = new double[WEIGHTS.length];
        for (EvalSet.Query q : queries) {
            List<SearchResult> top = search.search(org, new SearchService.Query(q.text(), 50, 1, SearchFilter.NONE,
                    SearchService.Mode.HYBRID, true), SearchService.Mode.HYBRID).await().atMost(Duration.ofSeconds(30)).results();
            for (int w = 0; w < WEIGHTS.length; w++) {
                double weight = WEIGHTS[w];
                List<String> ranking = top.stream().sorted(java.util.Comparator.comparingDouble((SearchResult r) ->
                                -(weight * r.explain().semantic().score() + (1 - weight) * r.explain().keyword().score())))
                        .map(r -> EvalSet.cvId(r.id())).toList();
                sums[w] += Metrics.ndcg(ranking, q.relevant(), K);
            }
        }
        StringBuilder out = new StringBuilder("Hybrid nDCG@10 by semantic weight (served: "
                + "search.fusion.semantic-weight; top 50 re-fused):\n\n| weight |");
        for (double w : WEIGHTS) {
            out.append(' ').append(w).append(" |");
        }
        out.append("\n|---|").append("---|".repeat(WEIGHTS.length)).append("\n| nDCG@10 |");
        for (double sum : sums) {
            out.append(' ').append(fmt(sum / queries.size())).append(" |");
        }
        return out.append("\n").toString();
    }

    /**
     * What a client threshold on the hybrid similarity does to the top ten of every query: the share of
     * results at or above it that are relevant (grade ≥ 2), and the share of the relevant results kept.
     */
    private static String thresholds(List<double[]> scores) {
        long relevant = scores.stream().filter(s -> s[1] >= Metrics.RELEVANT).count();
        StringBuilder out = new StringBuilder("Hybrid similarity as a threshold (top ten of every query):\n\n"
                + "| similarity ≥ | results kept | relevant among them | relevant results kept |\n|---|---|---|---|\n");
        for (double t = 0.2; t < 0.85; t += 0.1) {
            double threshold = t;
            long kept = scores.stream().filter(s -> s[0] >= threshold).count();
            long keptRelevant = scores.stream().filter(s -> s[0] >= threshold && s[1] >= Metrics.RELEVANT).count();
            out.append(String.format(Locale.ROOT, "| %.1f | %d of %d | %s | %s |\n", threshold, kept, scores.size(),
                    kept == 0 ? "-" : fmt((double) keptRelevant / kept), relevant == 0 ? "-" : fmt((double) keptRelevant / relevant)));
        }
        return out.toString();
    }

    private void awaitIndexed(String org, int count) throws InterruptedException {
        long deadline = System.nanoTime() + INDEXING_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            long indexed = pool.preparedQuery("select count(*) from search_documents where organization_id = $1").execute(Tuple.of(org))
                    .await().indefinitely().iterator().next().getLong(0);
            if (indexed >= count) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the evaluation set was not indexed within " + INDEXING_TIMEOUT);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
