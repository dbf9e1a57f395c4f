package io.recruitsuite.search.query;

import io.recruitsuite.search.SearchConfig;
import io.recruitsuite.search.indexing.Vectors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
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
     * OR of the query's lexemes: a CV that mentions some of the words still matches, more words rank
     * higher. The lexemes are already stemmed, so the text is cast, not parsed again (parsing would
     * stem them twice: "nurs" would become "nur" and match nothing).
     */
    static final String ANY_WORD_QUERY = "cast(replace(plainto_tsquery('english', $2)::text, ' & ', ' | ') as tsquery)";

    /** AND of the query's lexemes. */
    static final String ALL_WORDS_QUERY = "plainto_tsquery('english', $2)";

    /**
     * A chunk with every word of the query ranks above chunks with only some of them (plain OR
     * ranking lets one frequent word such as "engineer" outweigh the rare word that matters);
     * within each group, cover density scaled to 0–1 (normalization 32: rank / (rank + 1)).
     */
    static final String TEXT_SCORE = "(case when m.tsv @@ qa then 1 else 0 end) + ts_rank_cd(m.tsv, q, 32)";

    /**
     * The query's lexemes that are selective enough to look up on their own: not among the words
     * PostgreSQL's column statistics find in at least {@code $4} of all chunks (no statistics yet:
     * every word is selective).
     */
    static final String SELECTIVE_LEXEMES = "select lexeme from unnest(tsvector_to_array(to_tsvector('english', $2))) lexeme "
            + "where lexeme <> all (coalesce((select array_agg(e) from pg_stats s, "
            + "unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) x(e, f) where s.schemaname = current_schema() "
            + "and s.tablename = 'search_chunks' and s.attname = 'tsv' and e is not null and f >= $4::float8), '{}')) limit $5";

    @Inject
    Pool pool;
    @Inject
    SearchConfig config;

    /** Documents ranked by their best chunk's cosine similarity to the query vector (HNSW, iterative scan). */
    public Uni<List<String>> vectorRanking(String org, float[] query, SearchFilter filter, int poolSize) {
        Tuple args = Tuple.of(org, Vectors.literal(query), poolSize);
        String documents = filter.documentCondition(args, 4);
        String sql = "select document_id, max(sim) as best from (select c.document_id, 1 - (c.embedding <=> $2::vector) as sim "
                + "from search_chunks c where c.organization_id = $1" + documents
                + " order by c.embedding <=> $2::vector limit $3) t group by document_id order by best desc";
        // the organization filter would starve a plain HNSW scan: every connection of the pool opens with
        // pgvector's iterative scan and ef_search set (quarkus.datasource.reactive.additional-properties),
        // so this is one round trip, not a transaction that sets them first
        return pool.preparedQuery(sql).execute(args)
                .map(SearchRepository::firstColumn);
    }

    /**
     * Documents ranked by full-text relevance of their best chunk. Ranking every chunk that shares a
     * word with the query costs time in proportion to the organization's size (a common word such as
     * "experience" is in most CVs), so the ranked candidates are bounded: the chunks with every query
     * word, then per selective query word the chunks that have it. Common words still count in the
     * score of those candidates. GIN reads a short posting list fast and a long one slowly, which is
     * why common words never drive a lookup of their own.
     */
    public Uni<List<String>> textRanking(String org, String query, SearchFilter filter, int poolSize) {
        SearchConfig.Text bounds = config.text();
        Tuple args = Tuple.of(org, query, poolSize, bounds.commonTermFrequency(), bounds.maxTerms(), bounds.allWordsCap())
                .addInteger(bounds.termCap());
        String documents = filter.documentCondition(args, 8);
        String sql = "select m.document_id, max(" + TEXT_SCORE + ") as rank from " + ALL_WORDS_QUERY + " qa cross join "
                + ANY_WORD_QUERY + " q cross join lateral ("
                + "(select c.document_id, c.tsv from search_chunks c where c.organization_id = $1 and c.tsv @@ qa" + documents
                + " limit $6) union all "
                + "(select t.document_id, t.tsv from (" + SELECTIVE_LEXEMES + ") l cross join lateral (select c.document_id, c.tsv "
                + "from search_chunks c where c.organization_id = $1 and c.tsv @@ plainto_tsquery('simple', l.lexeme)" + documents
                + " limit $7) t)) m group by m.document_id order by rank desc limit $3";
        return pool.preparedQuery(sql).execute(args).map(SearchRepository::firstColumn);
    }

    private static List<String> firstColumn(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<String> ids = new ArrayList<>();
        for (var it = rows.iterator(); it.hasNext(); ) {
            ids.add(it.next().getString(0));
        }
        return ids;
    }

    /** Result rows for {@code ids}, in that order, with similarity and the best passages. */
    public Uni<List<SearchResult>> results(String org, List<String> ids, float[] query, String text) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] idArray = ids.toArray(String[]::new);
        Uni<Map<String, Row>> docs = pool.preparedQuery("select id, filename, candidate_name, candidate_email, uploaded_at, file_type, "
                        + "word_count, candidate_id from search_documents where organization_id = $1 and id = any($2)")
                .execute(Tuple.of(org, idArray))
                .map(rows -> {
                    Map<String, Row> out = new HashMap<>();
                    for (var it = rows.iterator(); it.hasNext(); ) {
                        Row r = it.next();
                        out.put(r.getString("id"), r);
                    }
                    return out;
                });
        // excerpts only for the passages a result shows: ts_headline parses the whole chunk, so a long CV's
        // other chunks would cost time for nothing
        Uni<Map<String, List<Passage>>> passages = pool.preparedQuery("select document_id, sim, ts_headline('english', content, "
                        + ANY_WORD_QUERY + ", 'MaxFragments=1, MaxWords=30, MinWords=12, StartSel=**, StopSel=**') as excerpt "
                        + "from (select c.document_id, c.content, 1 - (c.embedding <=> $3::vector) as sim, row_number() over "
                        + "(partition by c.document_id order by c.embedding <=> $3::vector) as n from search_chunks c "
                        + "where c.organization_id = $1 and c.document_id = any($4)) ranked where n <= $5 order by document_id, sim desc")
                .execute(Tuple.of(org, text, Vectors.literal(query), idArray, Math.max(1, config.highlights())))
                .map(rows -> {
                    Map<String, List<Passage>> out = new LinkedHashMap<>();
                    for (var it = rows.iterator(); it.hasNext(); ) {
                        Row r = it.next();
                        out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(new Passage(r.getDouble(1), r.getString(2)));
                    }
                    return out;
                });
        return Uni.combine().all().unis(docs, passages).asTuple().map(both -> {
            List<SearchResult> results = new ArrayList<>();
            for (String id : ids) {
                Row d = both.getItem1().get(id);
                List<Passage> ps = both.getItem2().getOrDefault(id, List.of());
                if (d == null) {
                    continue;
                }
                double best = ps.isEmpty() ? 0 : ps.get(0).similarity();
                results.add(new SearchResult(id, d.getString("filename"), d.getString("candidate_name"), d.getString("candidate_email"),
                        Similarity.readable(best), d.getOffsetDateTime("uploaded_at"), d.getString("file_type"), d.getInteger("word_count"),
                        d.getString("candidate_id"), ps.stream().limit(config.highlights()).map(Passage::excerpt).toList()));
            }
            return results;
        });
    }

    record Passage(double similarity, String excerpt) {
    }
}
