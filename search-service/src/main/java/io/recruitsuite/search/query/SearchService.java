package io.recruitsuite.search.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.events.EventPayload.SearchExecuted;
import io.recruitsuite.common.events.Events;
import io.recruitsuite.common.outbox.Outbox;
import io.recruitsuite.search.SearchConfig;
import io.recruitsuite.search.embedding.QueryEmbeddings;
import io.recruitsuite.search.metrics.SearchMetrics;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

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

    private static final Logger LOG = Logger.getLogger(SearchService.class);

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
        return search(org, new Query(q.text(), q.limit(), q.page(), q.filter(), mode, q.explain()), false, true);
    }

    /**
     * A search as the API serves it: the page, and {@code search.execute} written to the outbox. The
     * outbox row is written while the result rows are read (the total is known once the halves are
     * fused) and the answer does not wait for its commit: a search is not worth a flush to disk on its
     * path, and the event is only lost if the service stops in those few milliseconds.
     */
    public Uni<Page> searchAndRecord(String org, Query q, boolean contactDetails) {
        return search(org, q, true, contactDetails);
    }

    /**
     * {@code contactDetails}: whether results carry the candidate's name, email, file name and excerpts
     * of the CV ({@code candidates:read}, see {@link io.recruitsuite.common.security.ContactDetails}); without it
     * they carry ids, scores and the document's non-personal fields, and no excerpt is computed.
     */
    private Uni<Page> search(String org, Query q, boolean record, boolean contactDetails) {
        int pool = Math.max(config.candidatePool(), q.page() * q.limit() * 2);
        String keywords = io.recruitsuite.search.indexing.CvText.words(expansion.expand(q.text()));
        Mode mode = q.mode();
        // every mode embeds the query (cached): the vector also picks the passages a result shows
        Uni<float[]> queryVector = metrics.phase("query-vector", embeddings.embed(org, q.text()));
        Uni<Halves> halves = switch (mode) {
            // a cached vector is there at once: both halves start together. A new query waits for the model, so its
            // keyword half starts meanwhile (see hybridNew)
            case HYBRID -> metrics.phase("query-cache", embeddings.cached(org, q.text()))
                    .chain(cached -> cached != null ? hybridCached(org, q, pool, keywords, cached) : hybridNew(org, q, pool, keywords));
            case SEMANTIC -> queryVector.chain(vector -> metrics.phase("semantic", repository.semanticHalf(org, vector, q.filter(), pool, null))
                    .map(found -> new Halves(vector, found, NOTHING)));
            // the keyword half needs no vector: it runs while the query is embedded
            case KEYWORD -> Uni.combine().all().unis(queryVector,
                            metrics.phase("keyword", repository.keywordHalf(org, keywords, q.filter(), pool, null))).asTuple()
                    .map(both -> new Halves(both.getItem1(), NOTHING, both.getItem2()));
        };
        return metrics.timed(halves.chain(h -> {
            Map<String, Double> cosines = new HashMap<>(h.keyword().other());
            cosines.putAll(h.semantic().own());
            Map<String, Double> bm25s = new HashMap<>(h.semantic().other());
            bm25s.putAll(h.keyword().own());
            double ceiling = Math.max(h.semantic().ceiling(), h.keyword().ceiling());
            List<ScoreFusion.Ranked> ranked = fusion.fuse(mode, cosines, List.copyOf(h.semantic().own().keySet()), bm25s,
                    List.copyOf(h.keyword().own().keySet()), ceiling);
            int total = ranked.size();
            int from = Math.min(total, (q.page() - 1) * q.limit());
            int to = Math.min(total, from + q.limit());
            List<ScoreFusion.Ranked> shown = ranked.subList(from, to);
            Map<String, Scored> scored = new HashMap<>();
            shown.forEach(r -> scored.put(r.id(), new Scored(r.similarity(), q.explain() ? r.explain() : null)));
            Uni<Page> page = metrics.phase("results", repository.results(org, shown.stream().map(ScoreFusion.Ranked::id).toList(),
                    h.vector(), q.text(), scored, contactDetails)).map(results -> new Page(results, q.page(), q.limit(), total));
            if (!record) {
                return page;
            }
            // the event's transaction runs beside the reading of the result rows and the answer does not wait for its
            // commit (a flush to disk, as long as the rows): a failure to record is logged, the results stand
            metrics.phase("record", recordExecution(org, q.text(), total)).subscribe().with(
                    ignored -> { },
                    failure -> LOG.warnf("search.execute not recorded for organization %s: %s", org, failure.toString()));
            return page;
        }));
    }

    /**
     * A hybrid search whose query vector was cached: both halves at once, each scoring the other half's
     * measure of its own documents in the same statement (no further round trip for the fusion).
     */
    private Uni<Halves> hybridCached(String org, Query q, int pool, String keywords, float[] vector) {
        return Uni.combine().all().unis(
                        metrics.phase("semantic", repository.semanticHalf(org, vector, q.filter(), pool, keywords)),
                        metrics.phase("keyword", repository.keywordHalf(org, keywords, q.filter(), pool, vector))).asTuple()
                .map(both -> new Halves(vector, both.getItem1(), both.getItem2()));
    }

    /**
     * A hybrid search of a new query: each step starts as soon as what it needs is there. The keyword half at once
     * (its retrieval needs no vector, so it runs while the model embeds the query), the semantic half with the BM25
     * of its documents once the vector is known, and the cosines of the keyword half's documents once both are.
     */
    private Uni<Halves> hybridNew(String org, Query q, int pool, String keywords) {
        Uni<float[]> vector = metrics.phase("query-vector", embeddings.compute(org, q.text())).memoize().indefinitely();
        Uni<SearchRepository.Found> keyword = metrics.phase("keyword", repository.keywordHalf(org, keywords, q.filter(), pool, null))
                .memoize().indefinitely();
        Uni<SearchRepository.Found> semantic = vector.chain(v -> metrics.phase("semantic",
                repository.semanticHalf(org, v, q.filter(), pool, keywords)));
        Uni<SearchRepository.Found> keywordWithCosines = Uni.combine().all().unis(vector, keyword).asTuple()
                .chain(both -> metrics.phase("keyword-cosines", repository.cosines(org, both.getItem1(), both.getItem2().own().keySet()))
                        .map(cosines -> new SearchRepository.Found(both.getItem2().own(), cosines, both.getItem2().ceiling())));
        return Uni.combine().all().unis(vector, semantic, keywordWithCosines).asTuple()
                .map(all -> new Halves(all.getItem1(), all.getItem2(), all.getItem3()));
    }

    private static final SearchRepository.Found NOTHING = new SearchRepository.Found(Map.of(), Map.of(), 0);

    /** The query vector and what each half found. */
    private record Halves(float[] vector, SearchRepository.Found semantic, SearchRepository.Found keyword) {
    }

    /** Publishes {@code search.execute} through the outbox. */
    public Uni<Void> recordExecution(String org, String query, int resultCount) {
        return pool.withTransaction(tx -> new Outbox(mapper).append(tx, Events.SEARCH_EXECUTE, org, new SearchExecuted(query, resultCount)));
    }
}
