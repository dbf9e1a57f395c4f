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
 * <li>ingestion: alternating rounds of (a) the model alone embedding the chunks of N CVs (the fastest of
 * one call per CV, calls of 32 passages and all passages queued at once) and (b) the
 * same N CVs published as upload events and indexed by the running service (Kafka, chunking,
 * embedding, PostgreSQL), after unmeasured warm-up rounds of both until the JIT has settled; CVs per second of each, medians;</li>
 * <li>latency: a corpus of one organization with 10,000 CVs, one with 100,000 CVs and 1,000 other
 * organizations of 20 CVs each in the same tables. Its vectors are a few thousand really embedded
 * chunks copied with small deterministic perturbations (embedding 120,000 CVs would take hours on
 * two cores), bulk-loaded with COPY; then the recruiter queries of the evaluation set over HTTP
 * with a warm query-vector cache; p50/p95 per round, medians of the rounds.</li>
 * <li>real-length CVs (when {@code ../shared/eval-data/real-cvs-dev.jsonl} is present): an organization
 * of 10,000 CVs made from the real development CVs (thousands of characters, several chunks each),
 * each copy with its lines reordered and a few left out, its passages' vectors the real CV's with a
 * small perturbation; our real-CV queries as new queries (never seen by the query-vector cache) and
 * repeated right after; p50/p95 of each, medians of the rounds, and the mean time of each phase of a
 * search (query-vector cache, query vector, keyword half, semantic half, the keyword half's cosines, result rows, recorded event).</li>
 * </ol>
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "searchBench", matches = "true")
class SearchBench {

    static final int INGEST_CVS = Integer.getInteger("bench.ingest-cvs", 120);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final int WARMUP_CVS = Integer.getInteger("bench.warmup-cvs", 100);
    /** Warm-up rounds end when the JIT compiled for at most this share of a round's time (at least 2, at most the maximum). */
    static final double JIT_SETTLED = Double.parseDouble(System.getProperty("bench.jit-settled", "0.03"));
    static final int WARMUP_ROUNDS_MAX = Integer.getInteger("bench.warmup-rounds-max", 30);
    /** How often a round looks whether its CVs are all indexed: a round's end is known to within this. */
    static final int AWAIT_POLL_MILLIS = 20;
    static final int OTHER_ORGS = Integer.getInteger("bench.other-orgs", 1000);
    static final int OTHER_ORG_CVS = 20;
    static final int BASE_CHUNKS = Integer.getInteger("bench.base-chunks", 2000);
    static final float NOISE = 0.02f;
    static final String ORG_10K = "org_bench_10k";
    static final String ORG_100K = "org_bench_100k";
    static final String ORG_REAL = "org_bench_real";
    static final int REAL_CVS = Integer.getInteger("bench.real-cvs", 10_000);
    /** {@code -Dbench.real-only=true}: only the real-length part; {@code -Dbench.real=false}: only the generated corpus. */
    static final boolean GENERATED = !Boolean.getBoolean("bench.real-only");
    static final boolean REAL = !"false".equals(System.getProperty("bench.real"));
    /** {@code -Dbench.ingest-only=true}: only the ingestion rounds (with {@code -Dbench.real=false}: nothing else). */
    static final boolean INGEST_ONLY = Boolean.getBoolean("bench.ingest-only");
    /** Words a recruiter adds to a query; a round's suffix makes every query new to the query-vector cache. */
    static final List<String> NEW_QUERY_SUFFIXES = List.of("urgently", "for our Pune office", "immediate joiner", "remote",
            "with good communication", "for a startup", "experienced", "fresher welcome", "in Mumbai", "contract role");

    @Inject
    EmbeddingProvider embeddings;
    @Inject
    SearchConfig config;
    @Inject
    Pool pool;
    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    final StringBuilder report = new StringBuilder();

    @Test
    void ingestionAndLatency() throws Exception {
        line("# Search benchmark\n");
        line("cores: " + Runtime.getRuntime().availableProcessors() + ", model: " + embeddings.modelId());
        if (GENERATED) {
            generated();
        }
        if (REAL) {
            realLength();
        }
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "search-bench.md"), report);
    }

    private void generated() throws Exception {
        List<EvalSet.Cv> cvs = EvalSet.cvs();
        Chunker chunker = new Chunker(config.chunkWords(), config.chunkOverlapWords());

        // 1. ingestion beside the raw model
        List<EvalSet.Cv> batch = cvs.subList(0, Math.min(INGEST_CVS, cvs.size()));
        long chunks = batch.stream().mapToLong(cv -> chunker.split(cv.text()).size()).sum();
        embeddings.embedPassages(chunker.split(batch.get(0).text())); // warm
        awaitConsumerReady(batch.get(0));
        List<String> allChunks = batch.stream().flatMap(cv -> chunker.split(cv.text()).stream()).toList();
        List<Double> raw = new ArrayList<>();
        List<Double> ingest = new ArrayList<>();
        // unmeasured rounds of each path: the indexing path (consumer, JSON, SQL client, PostgreSQL's pages) needs its
        // warm-up as the model does, or the rounds measure the JIT compiler (it took 7 % of the machine in rounds after a
        // single warm-up round): rounds until the JIT compiled for at most JIT_SETTLED of a round, at least two
        List<EvalSet.Cv> warmUp = cvs.subList(cvs.size() - Math.min(WARMUP_CVS, cvs.size() / 2), cvs.size());
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        for (int w = 1; w <= WARMUP_ROUNDS_MAX; w++) {
            long compiled = jit.getTotalCompilationTime();
            long started = System.nanoTime();
            for (EvalSet.Cv cv : warmUp) {
                embeddings.embedPassages(chunker.split(cv.text()));
            }
            String warmOrg = "org_bench_warmup_" + w + "_" + System.currentTimeMillis();
            EvalSet.publishUploads(warmOrg, warmUp);
            awaitIndexed(warmOrg, warmUp.size(), Duration.ofMinutes(10));
            sql("delete from search_documents where organization_id = '" + warmOrg + "'");
            double share = (jit.getTotalCompilationTime() - compiled) / (seconds(started) * 1000);
            line(String.format(Locale.ROOT, "warm-up round %d (%d CVs on each path): JIT compiling %.1f %% of the round", w,
                    warmUp.size(), 100 * share));
            if (w >= 2 && share <= JIT_SETTLED) {
                break;
            }
            if (w == WARMUP_ROUNDS_MAX) {
                line("warm-up gave up waiting for the JIT after " + w + " rounds");
            }
        }
        long compiledBeforeRounds = jit.getTotalCompilationTime();
        long roundsStarted = System.nanoTime();
        for (int round = 1; round <= ROUNDS; round++) {
            // the model's best on this machine: the fastest of one call per CV, calls of 32 passages, and every passage
            // queued at once (no thread waits for another's last passage of a call)
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
            CpuAccount rawCpu = CpuAccount.now();
            long tq = System.nanoTime();
            embeddings.embedPassages(allChunks);
            double queued = batch.size() / seconds(tq);
            String rawShares = CpuAccount.since(rawCpu);
            raw.add(Math.max(queued, Math.max(perCv, batched)));
            String org = "org_bench_ingest_" + round + "_" + System.currentTimeMillis();
            CpuAccount cpu = CpuAccount.now();
            java.time.Instant indexingStarted = java.time.Instant.now();
            long t1 = System.nanoTime();
            EvalSet.publishUploads(org, batch);
            awaitIndexed(org, batch.size(), Duration.ofMinutes(10));
            ingest.add(batch.size() / seconds(t1));
            line(String.format(Locale.ROOT, "round %d: raw model %.2f CVs/s (one call per CV %.2f, 32 passages per call %.2f, "
                    + "all queued at once %.2f), indexing path %.2f CVs/s\n  all queued at once: %s\n  indexing (%s to %s): %s", round,
                    raw.get(round - 1), perCv, batched, queued, ingest.get(round - 1), rawShares, indexingStarted, java.time.Instant.now(),
                    CpuAccount.since(cpu)));
            sql("delete from search_documents where organization_id = '" + org + "'");
        }
        line(String.format(Locale.ROOT, "JIT compiling during the rounds: %.1f s of %.1f s", (jit.getTotalCompilationTime()
                - compiledBeforeRounds) / 1000.0, seconds(roundsStarted)));
        double rawMedian = median(raw);
        double ingestMedian = median(ingest);
        line(String.format(Locale.ROOT, "\n%d CVs (%d chunks) per round, %d rounds, embedding threads %d; medians: raw model %.2f CVs/s "
                        + "(%.1f chunks/s), indexing path %.2f CVs/s = %.0f%% of raw\n", batch.size(), chunks, ROUNDS,
                config.embeddingThreads(), rawMedian, rawMedian * chunks / batch.size(), ingestMedian, 100 * ingestMedian / rawMedian));

        if (INGEST_ONLY) {
            return;
        }
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
            long t5 = System.nanoTime();
            indexTerms(c, true);
            line(String.format(Locale.ROOT, "wrote their BM25 terms in %.0f s", seconds(t5)));
            long t4 = System.nanoTime();
            buildIndexes(st);
            line(String.format(Locale.ROOT, "built the HNSW index and analyzed in %.0f s\n", seconds(t4)));
        }

        // 3. latency over HTTP, warm query cache
        List<String> queries = EvalSet.queries().stream().map(EvalSet.Query::text).toList();
        line("load average before the rounds (1, 5, 15 min): " + loadAverage() + "\n");
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
    }

    /** The real-length corpus and new against repeated queries, with the time of each phase. */
    private void realLength() throws Exception {
        List<EvalSet.Cv> real = EvalSet.realCvs();
        if (real.isEmpty()) {
            line("\nreal-length CVs: skipped, " + EvalSet.realCvsFile() + " is not present");
            return;
        }
        line("\n## Real-length CVs\n");
        Chunker chunker = new Chunker(config.chunkWords(), config.chunkOverlapWords());
        io.recruitsuite.search.indexing.CvText cvText = new io.recruitsuite.search.indexing.CvText(config.text().boilerplate());
        long t0 = System.nanoTime();
        List<List<String>> baseChunks = new ArrayList<>();
        List<List<float[]>> baseVectors = new ArrayList<>();
        long chunkCount = 0;
        for (EvalSet.Cv cv : real) {
            List<String> chunks = chunker.split(cvText.normalise(cv.text()));
            baseChunks.add(chunks);
            baseVectors.add(embeddings.embedPassages(chunks));
            chunkCount += chunks.size();
        }
        line(String.format(Locale.ROOT, "embedded the %d real CVs (%d chunks, median %d characters) in %.0f s", real.size(), chunkCount,
                real.stream().mapToInt(cv -> cv.text().length()).sorted().toArray()[real.size() / 2], seconds(t0)));
        long t1 = System.nanoTime();
        long chunksLoaded = 0;
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement st = c.createStatement()) {
            st.execute("delete from search_documents where organization_id = '" + ORG_REAL + "'");
            st.execute("drop index if exists search_chunks_embedding");
            Random rnd = new Random(11);
            var copy = ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI();
            StringBuilder docs = new StringBuilder();
            StringBuilder chunks = new StringBuilder();
            StringBuilder texts = new StringBuilder();
            for (int i = 0; i < REAL_CVS; i++) {
                int b = i % real.size();
                String id = ORG_REAL + "_" + i;
                // a variant: the real CV's lines reordered (after the first three) and one in ten left out
                List<String> lines = new ArrayList<>(Arrays.asList(cvText.normalise(real.get(b).text()).split("\n")));
                if (i >= real.size() && lines.size() > 4) {
                    java.util.Collections.shuffle(lines.subList(3, lines.size()), rnd);
                    lines.removeIf(l -> rnd.nextInt(10) == 0);
                }
                String text = String.join("\n", lines);
                List<String> variantChunks = chunker.split(text);
                docs.append(id).append(',').append(ORG_REAL).append(",cand_").append(id).append(',').append(id).append(".pdf,\"Candidate ")
                        .append(i).append("\",pdf,").append(text.split("\\s+").length).append('\n');
                List<float[]> vectors = baseVectors.get(b);
                for (int k = 0; k < variantChunks.size(); k++) {
                    float[] v = perturbed(vectors.get(Math.min(k, vectors.size() - 1)), rnd);
                    chunks.append(id).append(',').append(ORG_REAL).append(',').append(k).append(",\"")
                            .append(variantChunks.get(k).replace("\"", "\"\"")).append("\",\"").append(Vectors.literal(v)).append("\"\n");
                    chunksLoaded++;
                }
                texts.append(ORG_REAL).append(',').append(id).append(",\"").append(cvText.forKeywords(text).replace("\"", "\"\""))
                        .append("\"\n");
                if (chunks.length() > 8_000_000 || i == REAL_CVS - 1) {
                    copy.copyIn("copy search_documents (id, organization_id, candidate_id, filename, candidate_name, file_type, word_count) "
                            + "from stdin (format csv)", new StringReader(docs.toString()));
                    copy.copyIn("copy search_chunks (document_id, organization_id, chunk_index, content, embedding) from stdin (format csv)",
                            new StringReader(chunks.toString()));
                    stageTexts(c, texts.toString());
                    docs.setLength(0);
                    chunks.setLength(0);
                    texts.setLength(0);
                }
            }
            line(String.format(Locale.ROOT, "loaded %,d real-length CVs (%,d chunks) with COPY in %.0f s", REAL_CVS, chunksLoaded, seconds(t1)));
            long t2 = System.nanoTime();
            indexTerms(c, !GENERATED);
            line(String.format(Locale.ROOT, "wrote their BM25 terms in %.0f s", seconds(t2)));
            long t3 = System.nanoTime();
            buildIndexes(st);
            line(String.format(Locale.ROOT, "built the HNSW index and analyzed in %.0f s\n", seconds(t3)));
        }

        List<String> queries = EvalSet.realQueries(real).stream().map(EvalSet.Query::text).toList();
        String token = TestTokens.bearer(TestTokens.apiKey(ORG_REAL, "search:read"));
        for (String q : queries) {
            search(token, q + " (warm-up)"); // JIT, pages in memory; these texts are not measured
        }
        List<Double> newP50 = new ArrayList<>();
        List<Double> newP95 = new ArrayList<>();
        List<Double> repeatedP50 = new ArrayList<>();
        List<Double> repeatedP95 = new ArrayList<>();
        Map<String, double[]> newPhases = new java.util.TreeMap<>();
        Map<String, double[]> repeatedPhases = new java.util.TreeMap<>();
        line("load average before the rounds (1, 5, 15 min): " + loadAverage() + "\n");
        line("| round | new p50 (ms) | new p95 (ms) | repeated p50 (ms) | repeated p95 (ms) |\n|---|---|---|---|---|");
        for (int round = 1; round <= ROUNDS; round++) {
            String suffix = NEW_QUERY_SUFFIXES.get((round - 1) % NEW_QUERY_SUFFIXES.size()) + (round > NEW_QUERY_SUFFIXES.size() ? " " + round : "");
            List<String> texts = queries.stream().map(q -> q + " " + suffix + " " + System.nanoTime() % 1000).toList();
            token = TestTokens.bearer(TestTokens.apiKey(ORG_REAL, "search:read"));
            Map<String, double[]> before = phaseTotals();
            List<Double> fresh = timeAll(token, texts);
            addPhases(newPhases, before, phaseTotals());
            before = phaseTotals();
            List<Double> repeated = timeAll(token, texts);
            addPhases(repeatedPhases, before, phaseTotals());
            newP50.add(percentile(fresh, 50));
            newP95.add(percentile(fresh, 95));
            repeatedP50.add(percentile(repeated, 50));
            repeatedP95.add(percentile(repeated, 95));
            line(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.1f |", round, newP50.get(round - 1), newP95.get(round - 1),
                    repeatedP50.get(round - 1), repeatedP95.get(round - 1)));
        }
        line(String.format(Locale.ROOT, "\n%,d real-length CVs, %d queries per round; medians of the rounds: new queries p50 %.1f ms, "
                        + "p95 %.1f ms; repeated p50 %.1f ms, p95 %.1f ms\n", REAL_CVS, queries.size(), median(newP50), median(newP95),
                median(repeatedP50), median(repeatedP95)));
        // the floor under a new query: the model alone embedding new query texts in this JVM
        List<Double> model = new ArrayList<>();
        for (String q : queries) {
            long t = System.nanoTime();
            embeddings.embedQuery(q + " model only " + System.nanoTime() % 1000);
            model.add((System.nanoTime() - t) / 1e6);
        }
        model.sort(Double::compare);
        line(String.format(Locale.ROOT, "the model alone embedding a new query: p50 %.1f ms, p95 %.1f ms; load average after the "
                + "rounds: %s\n", percentile(model, 50), percentile(model, 95), loadAverage()));
        line("mean time per phase (ms; the query-vector cache first; a cached vector: the semantic and keyword halves at once, "
                + "each with the other's measure; a new query: the keyword half beside the model (query-vector), then the semantic "
                + "half beside the cosines of the keyword half's CVs; then the result rows; the recorded event beside them, off the "
                + "answer's path)\n");
        line("| phase | new queries | repeated queries |\n|---|---|---|");
        for (String phase : newPhases.keySet()) {
            double[] n = newPhases.get(phase);
            double[] r = repeatedPhases.getOrDefault(phase, new double[2]);
            line(String.format(Locale.ROOT, "| %s | %.2f | %.2f |", phase, n[0] / Math.max(1, n[1]), r[0] / Math.max(1, r[1])));
        }
    }

    /** The machine's load average: figures from a busy machine say so. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private List<Double> timeAll(String token, List<String> texts) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (String q : texts) {
            long t = System.nanoTime();
            search(token, q);
            ms.add((System.nanoTime() - t) / 1e6);
        }
        ms.sort(Double::compare);
        return ms;
    }

    /** Total milliseconds and count of each {@code search.phase} timer so far. */
    private Map<String, double[]> phaseTotals() {
        Map<String, double[]> out = new java.util.TreeMap<>();
        for (var timer : registry.find("search.phase").timers()) {
            out.put(timer.getId().getTag("phase"), new double[] {timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS), timer.count()});
        }
        return out;
    }

    private static void addPhases(Map<String, double[]> sums, Map<String, double[]> before, Map<String, double[]> after) {
        after.forEach((phase, a) -> {
            double[] b = before.getOrDefault(phase, new double[2]);
            double[] sum = sums.computeIfAbsent(phase, p -> new double[2]);
            sum[0] += a[0] - b[0];
            sum[1] += a[1] - b[1];
        });
    }

    private static float[] perturbed(float[] vector, Random noise) {
        float[] v = vector.clone();
        double norm = 0;
        for (int d = 0; d < v.length; d++) {
            v[d] += (float) (noise.nextGaussian() * NOISE / Math.sqrt(v.length) * 4);
            norm += v[d] * v[d];
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < v.length; d++) {
            v[d] *= inv;
        }
        return v;
    }

    /** Keyword text of bulk-loaded CVs, waiting for {@link #indexTerms}. */
    private static void stageTexts(Connection c, String csv) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("create table if not exists bench_texts (organization_id text, document_id text, body text)");
        }
        ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI()
                .copyIn("copy bench_texts (organization_id, document_id, body) from stdin (format csv)", new StringReader(csv));
    }

    /**
     * Writes the BM25 terms of every staged CV in one statement, as the service's search_index_terms
     * would one by one (same text search configuration, k1 and b; the impact with the organization's
     * final average length), then the organizations' statistics; the term indexes are dropped for the
     * load and rebuilt.
     */
    private void indexTerms(Connection c, boolean rebuildIndexes) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("set maintenance_work_mem = '1GB'");
            if (rebuildIndexes) {
                st.execute("drop index if exists search_terms_impact");
                st.execute("drop index if exists search_terms_document_lexeme");
            }
            String k1 = String.valueOf(config.bm25().k1());
            String b = String.valueOf(config.bm25().b());
            st.execute("insert into search_terms (organization_id, lexeme, document_id, frequency, length, impact) "
                    + "with t as (select s.organization_id, s.document_id, x.lexeme, coalesce(array_length(x.positions, 1), 1) as f "
                    + "from bench_texts s, unnest(to_tsvector('" + config.text().configuration() + "', s.body)) x), "
                    + "l as (select document_id, sum(f)::int as len from t group by document_id), "
                    + "a as (select t.organization_id, avg(l.len) as avgdl from t join l using (document_id) group by t.organization_id) "
                    + "select t.organization_id, t.lexeme, t.document_id, t.f, l.len, "
                    + "t.f * (" + k1 + " + 1) / (t.f + " + k1 + " * (1 - " + b + " + " + b + " * l.len / a.avgdl)) "
                    + "from t join l using (document_id) join a using (organization_id)");
            if (rebuildIndexes) {
                st.execute("create index search_terms_impact on search_terms (organization_id, lexeme, impact desc) "
                        + "include (document_id, frequency, length)");
                st.execute("create unique index search_terms_document_lexeme on search_terms (document_id, lexeme) include (frequency, length)");
            }
            // the organizations' statistics, as search_index_terms keeps them one CV at a time
            String staged = "(select distinct organization_id from bench_texts)";
            st.execute("insert into search_term_stats (organization_id, lexeme, documents) select organization_id, lexeme, count(*) "
                    + "from search_terms where organization_id in " + staged + " group by organization_id, lexeme "
                    + "on conflict (organization_id, lexeme) do update set documents = excluded.documents");
            st.execute("insert into search_org_stats (organization_id, documents, total_length) select organization_id, count(*), sum(length) "
                    + "from (select distinct organization_id, document_id, length from search_terms where organization_id in " + staged + ") d "
                    + "group by organization_id on conflict (organization_id) do update set documents = excluded.documents, "
                    + "total_length = excluded.total_length");
            st.execute("drop table bench_texts");
        }
    }

    private static void buildIndexes(Statement st) throws Exception {
        st.execute("set maintenance_work_mem = '1GB'");
        st.execute("create index search_chunks_embedding on search_chunks using hnsw (embedding vector_cosine_ops)");
        st.execute("vacuum analyze search_chunks");
        st.execute("vacuum analyze search_documents");
        st.execute("vacuum analyze search_terms");
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
        StringBuilder staged = new StringBuilder();
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
            staged.append(org).append(',').append(id).append(",\"").append(io.recruitsuite.search.indexing.CvText.words(text)).append("\"\n");
            if (docs.length() > 4_000_000 || i == count - 1) {
                copy.copyIn("copy search_documents (id, organization_id, candidate_id, filename, candidate_name, file_type, word_count) "
                        + "from stdin (format csv)", new StringReader(docs.toString()));
                copy.copyIn("copy search_chunks (document_id, organization_id, chunk_index, content, embedding) from stdin (format csv)",
                        new StringReader(chunks.toString()));
                stageTexts(c, staged.toString());
                docs.setLength(0);
                chunks.setLength(0);
                staged.setLength(0);
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
            Thread.sleep(AWAIT_POLL_MILLIS);
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
