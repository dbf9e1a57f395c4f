package io.recruitsuite.search.eval;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import io.recruitsuite.search.SearchConfig;
import io.recruitsuite.search.embedding.EmbeddingProvider;
import io.recruitsuite.search.indexing.Chunker;
import io.recruitsuite.search.indexing.Vectors;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Search benchmark (run with {@code search-service/bench/bench.sh}, never in the normal suite):
 * <ol>
 * <li>ingestion: alternating rounds of (a) the model alone embedding the chunks of N CVs (the faster of
 * one call per CV and calls of 32 passages) and (b) the
 * same N CVs published as upload events and indexed by the running service (Kafka, chunking,
 * embedding, PostgreSQL), after one unmeasured warm-up round of each; CVs per second of each, medians;</li>
 * <li>latency: a corpus of one organization with 10,000 CVs, one with 100,000 CVs and 1,000 other
 * organizations of 20 CVs each in the same tables. Its vectors are a few thousand really embedded
 * chunks copied with small deterministic perturbations (embedding 120,000 CVs would take hours on
 * two cores), bulk-loaded with COPY; then the recruiter queries of the evaluation set over HTTP
 * with a warm query-vector cache; p50/p95 per round, medians of the rounds.</li>
 * </ol>
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "searchBench", matches = "true")
class SearchBench {

    static final int INGEST_CVS = Integer.getInteger("bench.ingest-cvs", 120);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final int WARMUP_CVS = Integer.getInteger("bench.warmup-cvs", 100);
    static final int OTHER_ORGS = Integer.getInteger("bench.other-orgs", 1000);
    static final int OTHER_ORG_CVS = 20;
    static final int BASE_CHUNKS = Integer.getInteger("bench.base-chunks", 2000);
    static final float NOISE = 0.02f;
    static final String ORG_10K = "org_bench_10k";
    static final String ORG_100K = "org_bench_100k";

    @Inject
    EmbeddingProvider embeddings;
    @Inject
    SearchConfig config;
    @Inject
    Pool pool;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    final StringBuilder report = new StringBuilder();

    @Test
    void ingestionAndLatency() throws Exception {
        List<EvalSet.Cv> cvs = EvalSet.cvs();
        Chunker chunker = new Chunker(config.chunkWords(), config.chunkOverlapWords());
        line("# Search benchmark\n");
        line("cores: " + Runtime.getRuntime().availableProcessors() + ", model: " + embeddings.modelId());

        // 1. ingestion beside the raw model
        List<EvalSet.Cv> batch = cvs.subList(0, Math.min(INGEST_CVS, cvs.size()));
        long chunks = batch.stream().mapToLong(cv -> chunker.split(cv.text()).size()).sum();
        embeddings.embedPassages(chunker.split(batch.get(0).text())); // warm
        awaitConsumerReady(batch.get(0));
        List<String> allChunks = batch.stream().flatMap(cv -> chunker.split(cv.text()).stream()).toList();
        List<Double> raw = new ArrayList<>();
        List<Double> ingest = new ArrayList<>();
        // one unmeasured round of each path: the indexing path (consumer, JSON, SQL client, PostgreSQL's
        // pages) needs its warm-up as the model does, or the first rounds measure the JIT compiler
        List<EvalSet.Cv> warmUp = cvs.subList(cvs.size() - Math.min(WARMUP_CVS, cvs.size() / 2), cvs.size());
        for (EvalSet.Cv cv : warmUp) {
            embeddings.embedPassages(chunker.split(cv.text()));
        }
        String warmOrg = "org_bench_warmup_" + System.currentTimeMillis();
        EvalSet.publishUploads(warmOrg, warmUp);
        awaitIndexed(warmOrg, warmUp.size(), Duration.ofMinutes(10));
        sql("delete from search_documents where organization_id = '" + warmOrg + "'");
        for (int round = 1; round <= ROUNDS; round++) {
            // the model's best on this machine: the faster of one call per CV and calls of 32 passages
            long t0 = System.nanoTime();
            for (EvalSet.Cv cv : batch) {
                embeddings.embedPassages(chunker.split(cv.text()));
            }
            double perCv = batch.size() / seconds(t0);
            long tb = System.nanoTime();
            for (int i = 0; i < allChunks.size(); i += 32) {
                embeddings.embedPassages(allChunks.subList(i, Math.min(allChunks.size(), i + 32)));
            }
            double batched = batch.size() / seconds(tb);
            raw.add(Math.max(perCv, batched));
            String org = "org_bench_ingest_" + round + "_" + System.currentTimeMillis();
            long t1 = System.nanoTime();
            EvalSet.publishUploads(org, batch);
            awaitIndexed(org, batch.size(), Duration.ofMinutes(10));
            ingest.add(batch.size() / seconds(t1));
            line(String.format(Locale.ROOT, "round %d: raw model %.2f CVs/s (one call per CV %.2f, 32 passages per call %.2f), "
                    + "indexing path %.2f CVs/s", round, raw.get(round - 1), perCv, batched, ingest.get(round - 1)));
            sql("delete from search_documents where organization_id = '" + org + "'");
        }
        double rawMedian = median(raw);
        double ingestMedian = median(ingest);
        line(String.format(Locale.ROOT, "\n%d CVs (%d chunks) per round, %d rounds, indexing threads %d; medians: raw model %.2f CVs/s "
                        + "(%.1f chunks/s), indexing path %.2f CVs/s = %.0f%% of raw\n", batch.size(), chunks, ROUNDS,
                config.indexingThreads(), rawMedian, rawMedian * chunks / batch.size(), ingestMedian, 100 * ingestMedian / rawMedian));

        // 2. latency corpus
        long t2 = System.nanoTime();
        List<String> baseTexts = new ArrayList<>();
        Random rnd = new Random(42);
        for (int i = 0; baseTexts.size() < BASE_CHUNKS; i++) {
            EvalSet.Cv cv = cvs.get(i % cvs.size());
            List<String> lines = new ArrayList<>(Arrays.asList(cv.text().split("\n")));
            if (i >= cvs.size()) {
                // a distinct variant of the CV: its lines in another order
                java.util.Collections.shuffle(lines.subList(3, lines.size()), rnd);
            }
            for (String c : chunker.split(String.join("\n", lines))) {
                if (baseTexts.size() < BASE_CHUNKS) {
                    baseTexts.add(c);
                }
            }
        }
        List<float[]> baseVectors = new ArrayList<>();
        for (int i = 0; i < baseTexts.size(); i += 32) {
            baseVectors.addAll(embeddings.embedPassages(baseTexts.subList(i, Math.min(baseTexts.size(), i + 32))));
        }
        line(String.format(Locale.ROOT, "embedded %d distinct base chunks in %.0f s", baseTexts.size(), seconds(t2)));
        long t3 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement st = c.createStatement()) {
            for (String org : List.of(ORG_10K, ORG_100K)) {
                st.execute("delete from search_documents where organization_id = '" + org + "'");
            }
            st.execute("delete from search_documents where organization_id like 'org_bench_other_%'");
            st.execute("drop index if exists search_chunks_embedding");
            Random noise = new Random(7);
            load(c, ORG_10K, 10_000, 0, baseTexts, baseVectors, noise);
            load(c, ORG_100K, 100_000, 0, baseTexts, baseVectors, noise);
            for (int o = 0; o < OTHER_ORGS; o++) {
                load(c, String.format("org_bench_other_%04d", o), OTHER_ORG_CVS, o, baseTexts, baseVectors, noise);
            }
            line(String.format(Locale.ROOT, "loaded %d CVs with COPY in %.0f s", 110_000 + OTHER_ORGS * OTHER_ORG_CVS, seconds(t3)));
            long t4 = System.nanoTime();
            st.execute("set maintenance_work_mem = '1GB'");
            st.execute("create index search_chunks_embedding on search_chunks using hnsw (embedding vector_cosine_ops)");
            st.execute("vacuum analyze search_chunks");
            st.execute("vacuum analyze search_documents");
            line(String.format(Locale.ROOT, "built the HNSW index and analyzed in %.0f s\n", seconds(t4)));
        }

        // 3. latency over HTTP, warm query cache
        List<String> queries = EvalSet.queries().stream().map(EvalSet.Query::text).toList();
        line("| organization | CVs | round | p50 (ms) | p95 (ms) |\n|---|---|---|---|---|");
        StringBuilder summary = new StringBuilder("| organization size | p50 (ms) | p95 (ms) |\n|---|---|---|\n");
        for (String org : List.of(ORG_10K, ORG_100K)) {
            String token = TestTokens.bearer(TestTokens.apiKey(org, "search:read"));
            for (String q : queries) {
                search(token, q); // warm: query vectors cached, pages in memory
            }
            List<Double> p50s = new ArrayList<>();
            List<Double> p95s = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                token = TestTokens.bearer(TestTokens.apiKey(org, "search:read"));
                List<Double> ms = new ArrayList<>();
                for (int rep = 0; rep < 2; rep++) {
                    for (String q : queries) {
                        long t = System.nanoTime();
                        search(token, q);
                        ms.add((System.nanoTime() - t) / 1e6);
                    }
                }
                ms.sort(Double::compare);
                p50s.add(percentile(ms, 50));
                p95s.add(percentile(ms, 95));
                line(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f |", org, org.equals(ORG_10K) ? "10,000" : "100,000", round,
                        p50s.get(round - 1), p95s.get(round - 1)));
            }
            summary.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f |\n", org.equals(ORG_10K) ? "10,000" : "100,000", median(p50s),
                    median(p95s)));
        }
        line("\nmedians of the rounds:\n\n" + summary);
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "search-bench.md"), report);
    }

    /** A plain HTTP client on a kept-alive connection: the figures should be the service's, not a test DSL's. */
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    @io.quarkus.test.common.http.TestHTTPResource("/api/v1/search")
    java.net.URI searchUri;

    private void search(String token, String query) throws Exception {
        String body = "{\"query\":" + JSON.writeValueAsString(query) + ",\"limit\":10}";
        var response = http.send(java.net.http.HttpRequest.newBuilder(searchUri).header("Authorization", token)
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("search answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** COPYs {@code count} one-chunk CVs of {@code org}: base chunks in turn, vectors perturbed and re-normalised. */
    private static void load(Connection c, String org, int count, int offset, List<String> texts, List<float[]> vectors, Random noise)
            throws Exception {
        StringBuilder docs = new StringBuilder();
        StringBuilder chunks = new StringBuilder();
        var copy = ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI();
        for (int i = 0; i < count; i++) {
            int b = (offset * 31 + i) % texts.size();
            String id = org + "_" + i;
            String text = texts.get(b);
            String name = text.substring(0, text.indexOf('\n') > 0 ? text.indexOf('\n') : Math.min(30, text.length())).replace('"', '\'');
            docs.append(id).append(',').append(org).append(",cand_").append(id).append(',').append(id).append(".pdf,\"").append(name)
                    .append("\",pdf,").append(text.split("\\s+").length).append('\n');
            float[] v = vectors.get(b).clone();
            double norm = 0;
            for (int d = 0; d < v.length; d++) {
                v[d] += (float) (noise.nextGaussian() * NOISE / Math.sqrt(v.length) * 4);
                norm += v[d] * v[d];
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < v.length; d++) {
                v[d] *= inv;
            }
            chunks.append(id).append(',').append(org).append(",0,\"").append(text.replace("\"", "\"\"")).append("\",\"")
                    .append(Vectors.literal(v)).append("\"\n");
            if (docs.length() > 4_000_000 || i == count - 1) {
                copy.copyIn("copy search_documents (id, organization_id, candidate_id, filename, candidate_name, file_type, word_count) "
                        + "from stdin (format csv)", new StringReader(docs.toString()));
                copy.copyIn("copy search_chunks (document_id, organization_id, chunk_index, content, embedding) from stdin (format csv)",
                        new StringReader(chunks.toString()));
                docs.setLength(0);
                chunks.setLength(0);
            }
        }
    }

    /** The bench consumes from the end of the topic: wait until its consumer has partitions, by indexing a probe. */
    private void awaitConsumerReady(EvalSet.Cv probe) throws InterruptedException {
        String org = "org_bench_probe_" + System.currentTimeMillis();
        for (int attempt = 0; attempt < 24; attempt++) {
            EvalSet.publishUploads(org, List.of(probe));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                if (count(org) > 0) {
                    sql("delete from search_documents where organization_id = '" + org + "'");
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the bench consumer never received an event");
    }

    private long count(String org) {
        return pool.preparedQuery("select count(*) from search_documents where organization_id = $1").execute(Tuple.of(org))
                .await().indefinitely().iterator().next().getLong(0);
    }

    private void awaitIndexed(String org, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long n = pool.preparedQuery("select count(*) from search_documents where organization_id = $1").execute(Tuple.of(org))
                    .await().indefinitely().iterator().next().getLong(0);
            if (n >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(org + " was not indexed within " + timeout);
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().indefinitely();
    }

    private void line(String s) {
        report.append(s).append('\n');
        System.out.println(s);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
