package io.recruitsuite.search.indexing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes of the search index. Every statement names the organization. */
@ApplicationScoped
public class IndexRepository {

    /** First key of the organization advisory locks (the second is a hash of the organization id). */
    static final int ORGANIZATION_LOCK_SPACE = 815004;

    @Inject
    Pool pool;
    @Inject
    io.recruitsuite.search.SearchConfig config;

    public Pool pool() {
        return pool;
    }

    /** Records the event as applied; false when it was applied before (a replay or a duplicate). */
    public Uni<Boolean> markProcessed(SqlClient tx, UUID eventId) {
        return tx.preparedQuery("insert into processed_events (event_id) values ($1) on conflict do nothing")
                .execute(Tuple.of(eventId))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Every live write of an organization holds this lock shared; a reindex takes it exclusively for
     * its final check, so no live event can slip between that check and the reindex's end.
     */
    public Uni<Void> lockOrganizationShared(SqlClient tx, String organizationId) {
        return tx.preparedQuery("select pg_advisory_xact_lock_shared($1, hashtext($2))")
                .execute(Tuple.of(ORGANIZATION_LOCK_SPACE, organizationId)).replaceWithVoid();
    }

    public Uni<Void> lockOrganizationExclusive(SqlClient tx, String organizationId) {
        return tx.preparedQuery("select pg_advisory_xact_lock($1, hashtext($2))")
                .execute(Tuple.of(ORGANIZATION_LOCK_SPACE, organizationId)).replaceWithVoid();
    }

    /** Advances the live consumer's position for the organization in the partition (never backwards). */
    public Uni<Void> recordPosition(SqlClient tx, String organizationId, int partition, long offset) {
        return tx.preparedQuery("insert into consumer_positions (organization_id, kafka_partition, last_offset) values ($1, $2, $3) "
                        + "on conflict (organization_id, kafka_partition) do update set last_offset = greatest(consumer_positions.last_offset, excluded.last_offset)")
                .execute(Tuple.of(organizationId, partition, offset)).replaceWithVoid();
    }

    /**
     * Documents whose terms a transaction wrote and has not yet added to their organizations' BM25 statistics: counted
     * together by {@link #countTerms} before the transaction commits, or before it deletes terms (a count after the
     * delete would add what the delete's trigger already took away).
     */
    public static final class UncountedTerms {
        private final Map<String, List<String>> documents = new LinkedHashMap<>();

        void add(String organizationId, String documentId) {
            documents.computeIfAbsent(organizationId, o -> new ArrayList<>()).add(documentId);
        }
    }

    /** Adds the uncounted documents' terms to their organizations' statistics: one upsert per word per organization. */
    public Uni<Void> countTerms(SqlClient tx, UncountedTerms uncounted) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<String>> org : uncounted.documents.entrySet()) {
            Tuple args = Tuple.of(org.getKey()).addArrayOfString(org.getValue().toArray(String[]::new));
            chain = chain.chain(() -> tx.preparedQuery("select search_count_terms($1, $2)").execute(args).replaceWithVoid());
        }
        uncounted.documents.clear();
        return chain;
    }

    /**
     * Writes a document, its passages and its keyword terms, replacing what an earlier upload of the same document wrote.
     * The terms join {@code uncounted}: the caller counts them into the statistics before committing.
     */
    public Uni<Void> replaceDocument(SqlClient tx, UncountedTerms uncounted, IndexedDocument d, List<String> chunks, List<float[]> vectors,
                                     String keywordText) {
        Tuple doc = Tuple.tuple(new ArrayList<>(List.of(d.id(), d.organizationId(), d.candidateId(), d.filename())))
                .addValue(d.candidateName()).addValue(d.candidateEmail()).addValue(d.fileType())
                .addLong(d.fileSize()).addInteger(d.wordCount()).addOffsetDateTime(d.uploadedAt())
                .addArrayOfString(d.tags().toArray(String[]::new)).addValue(d.stage())
                .addArrayOfString(d.jobIds().toArray(String[]::new));
        List<Tuple> rows = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            rows.add(Tuple.of(d.id(), d.organizationId(), i, chunks.get(i), Vectors.literal(vectors.get(i))));
        }
        // xmax is 0 on a row this statement inserted: a new document has no passages or terms to replace
        return tx.preparedQuery("insert into search_documents (id, organization_id, candidate_id, filename, candidate_name, "
                        + "candidate_email, file_type, file_size, word_count, uploaded_at, tags, stage, job_ids) "
                        + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) on conflict (id) do update set "
                        + "filename = excluded.filename, candidate_name = excluded.candidate_name, candidate_email = excluded.candidate_email, "
                        + "file_type = excluded.file_type, file_size = excluded.file_size, word_count = excluded.word_count, "
                        + "uploaded_at = excluded.uploaded_at, tags = excluded.tags, stage = excluded.stage, job_ids = excluded.job_ids, "
                        + "indexed_at = now() where search_documents.organization_id = excluded.organization_id "
                        + "returning (xmax = 0) as inserted")
                .execute(doc)
                .chain(written -> {
                    if (written.rowCount() == 0) {
                        // the id is another organization's document: nothing of this one is written beside it
                        return Uni.createFrom().voidItem();
                    }
                    boolean inserted = written.iterator().next().getBoolean("inserted");
                    return (inserted ? Uni.createFrom().voidItem() : countTerms(tx, uncounted).chain(() -> replacedParts(tx, d)))
                            .chain(() -> tx.preparedQuery("select search_write_terms($1, $2, $3, $4::regconfig, $5, $6)")
                                    .execute(Tuple.of(d.organizationId(), d.id(), keywordText, config.text().configuration(),
                                            config.bm25().k1(), config.bm25().b())))
                            .invoke(() -> uncounted.add(d.organizationId(), d.id()))
                            .chain(() -> rows.isEmpty() ? Uni.createFrom().voidItem()
                                    : tx.preparedQuery("insert into search_chunks (document_id, organization_id, chunk_index, content, embedding) "
                                            + "values ($1, $2, $3, $4, $5::vector)").executeBatch(rows).replaceWithVoid());
                })
                .replaceWithVoid();
    }

    /** Deletes what an earlier upload of the document wrote: its passages and its terms (the statistics follow by trigger). */
    private Uni<Void> replacedParts(SqlClient tx, IndexedDocument d) {
        return tx.preparedQuery("delete from search_chunks where document_id = $1 and organization_id = $2")
                .execute(Tuple.of(d.id(), d.organizationId()))
                .chain(() -> tx.preparedQuery("delete from search_terms where document_id = $1 and organization_id = $2")
                        .execute(Tuple.of(d.id(), d.organizationId())))
                .replaceWithVoid();
    }

    public Uni<Integer> deleteDocument(SqlClient tx, String organizationId, String documentId) {
        return tx.preparedQuery("delete from search_documents where organization_id = $1 and id = $2")
                .execute(Tuple.of(organizationId, documentId)).map(r -> r.rowCount());
    }

    public Uni<Integer> deleteCandidate(SqlClient tx, String organizationId, String candidateId) {
        return tx.preparedQuery("delete from search_documents where organization_id = $1 and candidate_id = $2")
                .execute(Tuple.of(organizationId, candidateId)).map(r -> r.rowCount());
    }

    public Uni<Integer> updateCandidate(SqlClient tx, String organizationId, String candidateId, String name, String email,
                                        String[] tags) {
        return tx.preparedQuery("update search_documents set candidate_name = coalesce($3, candidate_name), "
                        + "candidate_email = case when $4::boolean then $5 else candidate_email end, tags = coalesce($6, tags) "
                        + "where organization_id = $1 and candidate_id = $2")
                .execute(Tuple.tuple(new ArrayList<>(java.util.Arrays.asList(organizationId, candidateId, name, email != null, email)))
                        .addArrayOfString(tags))
                .map(r -> r.rowCount());
    }

    /** A candidate applied to a job: their documents match that job's filter from now on (idempotent). */
    public Uni<Integer> addJob(SqlClient tx, String organizationId, String candidateId, String jobId) {
        return tx.preparedQuery("update search_documents set job_ids = array_append(job_ids, $3) "
                        + "where organization_id = $1 and candidate_id = $2 and not ($3 = any(job_ids))")
                .execute(Tuple.of(organizationId, candidateId, jobId))
                .map(r -> r.rowCount());
    }

    public Uni<Integer> updateDocumentField(SqlClient tx, String organizationId, String documentId, String field, Object value) {
        String sql = switch (field) {
            case "tags" -> "update search_documents set tags = $3 where organization_id = $1 and id = $2";
            case "stage" -> "update search_documents set stage = $3 where organization_id = $1 and id = $2";
            default -> null;
        };
        if (sql == null) {
            return Uni.createFrom().item(0);
        }
        Tuple args = Tuple.of(organizationId, documentId);
        if (value instanceof String[] array) {
            args.addArrayOfString(array);
        } else {
            args.addValue(value);
        }
        return tx.preparedQuery(sql).execute(args).map(r -> r.rowCount());
    }
}
