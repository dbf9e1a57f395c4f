package io.recruitsuite.search.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.EventTypes;
import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.outbox.Outbox;
import io.recruitsuite.search.SearchConfig;
import io.recruitsuite.search.embedding.QueryEmbeddings;
import io.recruitsuite.search.metrics.SearchMetrics;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Search in one of three modes: hybrid (default; the semantic and keyword halves fused into one 0–1
 * similarity, see {@link ScoreFusion}), semantic (embeddings only) or keyword (BM25 only). One page of
 * results, ordered by similarity.
 */
@ApplicationScoped
public class SearchService {

    public static final String EMPTY_QUERY = "String must contain at least 1 character(s)";

    @Inject
    SearchConfig config;
    @Inject
    SearchRepository repository;
    @Inject
    QueryEmbeddings embeddings;
    @Inject
    Pool pool;
    @Inject
    ObjectMapper mapper;
    @Inject
    SearchMetrics metrics;

    private ScoreFusion fusion;
    private QueryExpansion expansion;

    @PostConstruct
    void init() {
        fusion = new ScoreFusion(config.fusion().semanticWeight(), config.fusion().cosineFloor(), config.fusion().cosineCeiling());
        expansion = new QueryExpansion(config.queryExpansions());
    }

    public enum Mode {
        HYBRID, SEMANTIC, KEYWORD;

        static Mode parse(String value) {
            if (value == null) {
                return HYBRID;
            }
            for (Mode m : values()) {
                if (m.name().equalsIgnoreCase(value)) {
                    return m;
                }
            }
            throw ApiException.validation("mode: must be one of hybrid, semantic, keyword");
        }
    }

    public record Page(List<SearchResult> results, int page, int limit, int total) {
    }

    public record Query(String text, int limit, int page, SearchFilter filter, Mode mode, boolean explain) {

        public Query(String text, int limit, int page, SearchFilter filter) {
            this(text, limit, page, filter, Mode.HYBRID, false);
        }
    }

    public Query validate(SearchRequest request) {
        if (request == null || request.query() == null || request.query().isBlank()) {
            throw ApiException.validation(EMPTY_QUERY);
        }
        if (request.query().length() > config.maxQueryChars()) {
            throw ApiException.validation("String must contain at most " + config.maxQueryChars() + " character(s)");
        }
        int limit = request.limit() == null ? config.defaultLimit() : request.limit();
        if (limit < 1 || limit > config.maxLimit()) {
            throw ApiException.validation("limit: must be between 1 and " + config.maxLimit());
        }
        int page = request.page() == null ? 1 : request.page();
        if (page < 1 || page > config.maxPage()) {
            throw ApiException.validation("page: must be between 1 and " + config.maxPage());
        }
        return new Query(request.query().strip(), limit, page, SearchFilter.of(request.filters()), Mode.parse(request.mode()),
                Boolean.TRUE.equals(request.explain()));
    }

    /** A search without recording it (evaluation, tests); {@code mode} overrides the query's. */
    public Uni<Page> search(String org, Query q, Mode mode) {
        return search(org, new Query(q.text(), q.limit(), q.page(), q.filter(), mode, q.explain()), false);
    }

    /**
     * A search as the API serves it: the page, and {@code search.execute} written to the outbox. The
     * outbox row is written while the result rows are read (the total is known once the halves are
     * fused), so its commit is not a second wait on the response's path.
     */
    public Uni<Page> searchAndRecord(String org, Query q) {
        return search(org, q, true);
    }

    private Uni<Page> search(String org, Query q, boolean record) {
        int pool = Math.max(config.candidatePool(), q.page() * q.limit() * 2);
        String keywords = io.recruitsuite.search.indexing.CvText.words(expansion.expand(q.text()));
        Mode mode = q.mode();
        // the query vector also picks the passages a result shows, so every mode embeds the query (cached)
        return metrics.timed(metrics.phase("query-vector", embeddings.embed(q.text())).chain(vector -> {
            Uni<Map<String, Double>> bySemantic = mode == Mode.KEYWORD ? Uni.createFrom().item(Map.of())
                    : metrics.phase("semantic", repository.vectorRanking(org, vector, q.filter(), pool));
            Uni<SearchRepository.KeywordScores> byKeyword = mode == Mode.SEMANTIC
                    ? Uni.createFrom().item(new SearchRepository.KeywordScores(Map.of(), 0))
                    : metrics.phase("keyword", repository.keywordRanking(org, keywords, q.filter(), pool));
            return Uni.combine().all().unis(bySemantic, byKeyword).asTuple()
                    .chain(halves -> complete(org, vector, keywords, mode, halves.getItem1(), halves.getItem2()))
                    .chain(ranked -> {
                        int from = Math.min(ranked.size(), (q.page() - 1) * q.limit());
                        int to = Math.min(ranked.size(), from + q.limit());
                        List<ScoreFusion.Ranked> shown = ranked.subList(from, to);
                        Map<String, Scored> scored = new HashMap<>();
                        shown.forEach(r -> scored.put(r.id(), new Scored(r.similarity(), q.explain() ? r.explain() : null)));
                        Uni<List<SearchResult>> page = metrics.phase("results",
                                repository.results(org, shown.stream().map(ScoreFusion.Ranked::id).toList(), vector, q.text(), scored));
                        if (!record) {
                            return page.map(results -> new Page(results, q.page(), q.limit(), ranked.size()));
                        }
                        return Uni.combine().all().unis(page, metrics.phase("record", recordExecution(org, q.text(), ranked.size())))
                                .asTuple().map(both -> new Page(both.getItem1(), q.page(), q.limit(), ranked.size()));
                    });
        }));
    }

    /**
     * In a hybrid search, the documents one half found get their score from the other half too (exact
     * BM25, best passage's cosine), so each is ranked on both; then the scores are fused.
     */
    private Uni<List<ScoreFusion.Ranked>> complete(String org, float[] vector, String keywords, Mode mode, Map<String, Double> semantic,
                                                   SearchRepository.KeywordScores keyword) {
        List<String> semanticRanking = List.copyOf(semantic.keySet());
        List<String> keywordRanking = List.copyOf(keyword.scores().keySet());
        if (mode != Mode.HYBRID) {
            return Uni.createFrom().item(fusion.fuse(mode, semantic, semanticRanking, keyword.scores(), keywordRanking, keyword.ceiling()));
        }
        List<String> withoutCosine = keywordRanking.stream().filter(id -> !semantic.containsKey(id)).toList();
        List<String> withoutBm25 = semanticRanking.stream().filter(id -> !keyword.scores().containsKey(id)).toList();
        Uni<Map<String, Double>> cosines = repository.vectorScoresOf(org, vector, withoutCosine);
        Uni<Map<String, Double>> bm25s = keyword.ceiling() > 0 ? repository.keywordScoresOf(org, keywords, withoutBm25)
                : Uni.createFrom().item(Map.of());
        return metrics.phase("fusion", Uni.combine().all().unis(cosines, bm25s).asTuple().map(extra -> {
            Map<String, Double> allSemantic = new HashMap<>(semantic);
            allSemantic.putAll(extra.getItem1());
            Map<String, Double> allKeyword = new HashMap<>(keyword.scores());
            allKeyword.putAll(extra.getItem2());
            return fusion.fuse(mode, allSemantic, semanticRanking, allKeyword, keywordRanking, keyword.ceiling());
        }));
    }
    /** Publishes {@code search.execute} through the outbox. */
    public Uni<Void> recordExecution(String org, String query, int resultCount) {
        var data = mapper.createObjectNode().put("query", query).put("resultCount", resultCount);
        return pool.withTransaction(tx -> new Outbox(mapper).append(tx, Topics.SEARCH_EVENTS,
                EventEnvelope.create(EventTypes.SEARCH_EXECUTE, org, data)));
    }
}
