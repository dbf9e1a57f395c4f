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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Hybrid search: vector and full-text rankings fused by reciprocal rank fusion, one page of results. */
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

    public enum Mode { HYBRID, VECTOR, TEXT }

    public record Page(List<SearchResult> results, int page, int limit, int total) {
    }

    public record Query(String text, int limit, int page, SearchFilter filter) {
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
        return new Query(request.query().strip(), limit, page, SearchFilter.of(request.filters()));
    }

    public Uni<Page> search(String org, Query q, Mode mode) {
        return search(org, q, mode, false);
    }

    /**
     * A hybrid search as the API serves it: the page, and {@code search.execute} written to the
     * outbox. The outbox row is written while the result rows are read (the total is known once the
     * rankings are fused), so its commit is not a second wait on the response's path.
     */
    public Uni<Page> searchAndRecord(String org, Query q) {
        return search(org, q, Mode.HYBRID, true);
    }

    private Uni<Page> search(String org, Query q, Mode mode, boolean record) {
        int pool = Math.max(config.candidatePool(), q.page() * q.limit() * 2);
        return metrics.timed(embeddings.embed(q.text()).chain(vector -> {
            Uni<List<String>> byVector = mode == Mode.TEXT ? Uni.createFrom().item(List.of())
                    : repository.vectorRanking(org, vector, q.filter(), pool);
            Uni<List<String>> byText = mode == Mode.VECTOR ? Uni.createFrom().item(List.of())
                    : repository.textRanking(org, q.text(), q.filter(), pool);
            return Uni.combine().all().unis(byVector, byText).asTuple().chain(rankings -> {
                List<String> fused = RankFusion.fuse(config.rrfK(), List.of(rankings.getItem1(), rankings.getItem2()));
                int from = Math.min(fused.size(), (q.page() - 1) * q.limit());
                int to = Math.min(fused.size(), from + q.limit());
                Uni<List<SearchResult>> page = repository.results(org, fused.subList(from, to), vector, q.text());
                if (!record) {
                    return page.map(results -> new Page(results, q.page(), q.limit(), fused.size()));
                }
                return Uni.combine().all().unis(page, recordExecution(org, q.text(), fused.size())).asTuple()
                        .map(both -> new Page(both.getItem1(), q.page(), q.limit(), fused.size()));
            });
        }));
    }

    /** Publishes {@code search.execute} through the outbox. */
    public Uni<Void> recordExecution(String org, String query, int resultCount) {
        var data = mapper.createObjectNode().put("query", query).put("resultCount", resultCount);
        return pool.withTransaction(tx -> new Outbox(mapper).append(tx, Topics.SEARCH_EVENTS,
                EventEnvelope.create(EventTypes.SEARCH_EXECUTE, org, data)));
    }
}
