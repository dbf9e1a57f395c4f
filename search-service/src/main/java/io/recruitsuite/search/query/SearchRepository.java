package io.recruitsuite.search.query;

import io.recruitsuite.search.SearchConfig;
import io.recruitsuite.search.indexing.Vectors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The two retrievers and the result details. Every query is bound to one organization. */
@ApplicationScoped
public class SearchRepository {

    /**
     * The query's terms with their BM25 idf in the organization ({@code $1}; query text {@code $2},
     * at most {@code $3} terms; k1 {@code $4}, b {@code $5}; text search configuration {@code $6}): Lucene's idf ln(1 + (N − n + 0.5) / (n + 0.5)),
     * so a term no CV of the organization has weighs most (and makes a perfect keyword score unreachable).
     */
    static final String QUERY_TERMS = "with stats as (select documents::float8 as n, total_length::float8 / greatest(documents, 1) as avgdl "
            + "from search_org_stats where organization_id = $1 and documents > 0), "
            + "q as (select distinct lexeme from unnest(tsvector_to_array(to_tsvector($6::regconfig, $2))) lexeme limit $3), "
            // one primary-key probe per query term (a join could read all the organization's term statistics)
            + "f as (select q.lexeme, coalesce((select t.documents from search_term_stats t where t.organization_id = $1 "
            + "and t.lexeme = q.lexeme), 0) as df from q), "
            + "w as (select f.lexeme, f.df, ln(1 + (stats.n - f.df + 0.5) / (f.df + 0.5)) as idf from f cross join stats) ";

    /** One term's BM25 contribution for a posting {@code c} of term {@code w}, with the current average length. */
    static final String BM25_TERM = "w.idf * c.frequency * ($4::float8 + 1) / (c.frequency + $4::float8 * (1 - $5::float8 + $5::float8 * c.length / stats.avgdl))";

    @Inject
    Pool pool;
    @Inject
    SearchConfig config;

    /**
     * What one half found: its documents, best first, with its own raw score (cosine of the best
     * passage, or BM25), in a hybrid search the other half's raw score of the same documents, computed in
     * the same statement (so fusion needs no further round trip), and the query's BM25 ceiling.
     */
    public record Found(Map<String, Double> own, Map<String, Double> other, double ceiling) {
    }

    /**
     * Documents ranked by their best chunk's cosine similarity to the query vector (HNSW, iterative
     * scan), best first; with {@code keywords} (a hybrid search) also each one's BM25.
     */
    public Uni<Found> semanticHalf(String org, float[] query, SearchFilter filter, int poolSize, String keywords) {
        // the organization filter would starve a plain HNSW scan: every session on the search database starts
        // with pgvector's iterative scan and ef_search set (R__session_settings.sql), so this is one round trip,
        // not a transaction that sets them first
        if (keywords == null) {
            Tuple args = Tuple.of(org, Vectors.literal(query), poolSize);
            String sql = "select v.document_id, v.best, null::float8, null::float8 from (" + nearest(filter, args, 2, 3, 4)
                    + ") v order by v.best desc";
            return pool.preparedQuery(sql).execute(args).map(SearchRepository::found);
        }
        Tuple args = bm25Args(org, keywords).addString(Vectors.literal(query)).addInteger(poolSize);
        String sql = QUERY_TERMS + ", v as (" + nearest(filter, args, 7, 8, 9) + ") select v.document_id, v.best, (select sum("
                + BM25_TERM + ") from w cross join stats join search_terms c on c.organization_id = $1 and c.lexeme = w.lexeme "
                + "and c.document_id = v.document_id), (select sum(idf) from w) * ($4::float8 + 1) from v order by v.best desc";
        return pool.preparedQuery(sql).execute(args).map(SearchRepository::found);
    }

    /**
     * The best passage's cosine similarity to the query vector of each of {@code documents} (the keyword half's,
     * in a hybrid search), through the primary key (document_id, chunk_index). A statement of its own, so it
     * runs as soon as both the query vector and the keyword half are there, beside the semantic half.
     */
    public Uni<Map<String, Double>> cosines(String org, float[] query, java.util.Collection<String> documents) {
        if (documents.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select c.document_id, max(1 - (c.embedding <=> $2::vector)) from search_chunks c "
                        + "where c.document_id = any($3) and c.organization_id = $1 group by c.document_id")
                .execute(Tuple.of(org, Vectors.literal(query), documents.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Double> out = new HashMap<>();
                    for (Row r : rows) {
                        out.put(r.getString(0), r.getDouble(1));
                    }
                    return out;
                });
    }

    /** Nearest chunks (vector {@code $vector}, at most {@code $limit}) grouped to documents, filters bound from {@code next}. */
    private static String nearest(SearchFilter filter, Tuple args, int vector, int limit, int next) {
        String documents = filter.documentCondition(args, next);
        return "select document_id, max(sim) as best from (select c.document_id, 1 - (c.embedding <=> $" + vector + "::vector) as sim "
                + "from search_chunks c where c.organization_id = $1" + documents
                + " order by c.embedding <=> $" + vector + "::vector limit $" + limit + ") t group by document_id";
    }

    /**
     * Documents ranked by Okapi BM25 over the whole document (not a chunk), with the organization's
     * own term statistics; with {@code vector} (a hybrid search whose query vector was cached) also each
     * one's best passage cosine, in the same statement. The cost is bounded whatever the organization's
     * size: each query term reads at most {@code search.text.term-cap} documents, those with the highest
     * term weight first (an index ordered by it); a document's score adds up the terms through which it
     * was found. Without a vector it runs while a new query is embedded, and {@link #cosines} follows.
     */
    public Uni<Found> keywordHalf(String org, String query, SearchFilter filter, int poolSize, float[] vector) {
        Tuple args = bm25Args(org, query).addInteger(config.text().termCap()).addInteger(poolSize);
        if (vector != null) {
            args.addString(Vectors.literal(vector));
        }
        String documents = filter.documentCondition(args, vector == null ? 9 : 10);
        String ranked = QUERY_TERMS + ", hits as (select w.lexeme, w.idf, c.document_id, c.frequency, c.length from w cross join lateral "
                + "(select c.document_id, c.frequency, c.length from search_terms c where c.organization_id = $1 and c.lexeme = w.lexeme"
                + documents + " order by c.impact desc limit $7) c where w.df > 0), "
                + "k as (select c.document_id, sum(" + BM25_TERM + ") as score from hits c join w on w.lexeme = c.lexeme cross join stats "
                + "group by c.document_id order by score desc limit $8) ";
        // the best passage of each document through the primary key (document_id, chunk_index)
        String cosine = vector == null ? "null::float8" : "(select max(1 - (e.embedding <=> $9::vector)) from search_chunks e "
                + "where e.document_id = k.document_id and e.organization_id = $1)";
        String sql = ranked + "select k.document_id, k.score, " + cosine + ", (select sum(idf) from w) * ($4::float8 + 1) "
                + "from k order by k.score desc";
        return pool.preparedQuery(sql).execute(args).map(SearchRepository::found);
    }

    private static Found found(RowSet<Row> rows) {
        Map<String, Double> own = new LinkedHashMap<>();
        Map<String, Double> other = new HashMap<>();
        double ceiling = 0;
        for (Row r : rows) {
            own.put(r.getString(0), r.getDouble(1));
            Double second = r.getDouble(2);
            if (second != null) {
                other.put(r.getString(0), second);
            }
            Double c = r.getDouble(3);
            if (c != null) {
                ceiling = c;
            }
        }
        return new Found(own, other, ceiling);
    }

    private Tuple bm25Args(String org, String query) {
        return Tuple.of(org, query, config.text().maxTerms(), config.bm25().k1(), config.bm25().b()).addString(config.text().configuration());
    }

    /**
     * Result rows for {@code ids}, in that order, with their score and the passages closest to the query;
     * without {@code contactDetails} the name, email, file name and passages stay out (null and empty).
     */
    public Uni<List<SearchResult>> results(String org, List<String> ids, float[] query, String text, Map<String, Scored> scored,
                                           boolean contactDetails) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] idArray = ids.toArray(String[]::new);
        Uni<Map<String, Row>> docs = pool.preparedQuery("select id, filename, candidate_name, candidate_email, uploaded_at, file_type, "
                        + "word_count, candidate_id from search_documents where organization_id = $1 and id = any($2)")
                .execute(Tuple.of(org, idArray))
                .map(rows -> {
                    Map<String, Row> out = new HashMap<>();
                    for (Row r : rows) {
                        out.put(r.getString("id"), r);
                    }
                    return out;
                });
        // excerpts only for the passages a result shows: ts_headline parses the whole chunk, so a long CV's
        // other chunks would cost time for nothing. The words marked are the query's (any of them).
        Uni<Map<String, List<String>>> passages = !contactDetails ? Uni.createFrom().item(Map.of()) : pool.preparedQuery("select document_id, ts_headline('english', content, "
                        + "cast(replace(plainto_tsquery('english', $2)::text, ' & ', ' | ') as tsquery), "
                        + "'MaxFragments=1, MaxWords=30, MinWords=12, StartSel=**, StopSel=**') as excerpt "
                        + "from (select c.document_id, c.content, c.embedding <=> $3::vector as distance, row_number() over "
                        + "(partition by c.document_id order by c.embedding <=> $3::vector) as n from search_chunks c "
                        + "where c.organization_id = $1 and c.document_id = any($4)) ranked where n <= $5 order by document_id, distance")
                .execute(Tuple.of(org, text, Vectors.literal(query), idArray, Math.max(1, config.highlights())))
                .map(rows -> {
                    Map<String, List<String>> out = new LinkedHashMap<>();
                    for (Row r : rows) {
                        out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
                    }
                    return out;
                });
        return Uni.combine().all().unis(docs, passages).asTuple().map(both -> {
            List<SearchResult> results = new ArrayList<>();
            for (String id : ids) {
                Row d = both.getItem1().get(id);
                if (d == null) {
                    continue;
                }
                List<String> ps = both.getItem2().getOrDefault(id, List.of());
                Scored s = scored.get(id);
                results.add(contactDetails ? new SearchResult(id, d.getString("filename"), d.getString("candidate_name"), d.getString("candidate_email"),
                        Similarity.readable(s.similarity()), d.getOffsetDateTime("uploaded_at"), d.getString("file_type"),
                        d.getInteger("word_count"), d.getString("candidate_id"), ps.stream().limit(config.highlights()).toList(),
                        s.explain())
                        : new SearchResult(id, null, null, null, Similarity.readable(s.similarity()), d.getOffsetDateTime("uploaded_at"),
                        d.getString("file_type"), d.getInteger("word_count"), d.getString("candidate_id"), List.of(), s.explain()));
            }
            return results;
        });
    }
}
