package io.recruitsuite.candidate.documents;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class DocumentRepository {

    private static final String COLUMNS = "id, organization_id, candidate_id, filename, file_type, file_size, word_count, text, uploaded_at";

    @Inject
    Pool pool;

    public Uni<Document> insert(SqlClient tx, String id, String organizationId, String candidateId, String filename,
                                String fileType, long fileSize, String text) {
        return tx.preparedQuery("insert into documents (id, organization_id, candidate_id, filename, file_type, file_size, word_count, text) "
                        + "values ($1, $2, $3, $4, $5, $6, $7, $8) returning " + COLUMNS)
                .execute(Tuple.tuple(List.of(id, organizationId, candidateId, filename, fileType, fileSize, Document.countWords(text), text)))
                .map(rows -> map(rows.iterator().next()));
    }

    /** The candidate's documents, newest first. */
    public Uni<List<Document>> listByCandidate(SqlClient client, String organizationId, String candidateId) {
        return client.preparedQuery("select " + COLUMNS + " from documents where organization_id = $1 and candidate_id = $2 "
                        + "order by uploaded_at desc, id desc")
                .execute(Tuple.of(organizationId, candidateId))
                .map(rows -> {
                    List<Document> out = new ArrayList<>();
                    for (var it = rows.iterator(); it.hasNext(); ) {
                        out.add(map(it.next()));
                    }
                    return out;
                });
    }

    public Uni<List<Document>> listByCandidate(String organizationId, String candidateId) {
        return listByCandidate(pool, organizationId, candidateId);
    }

    private static Document map(Row r) {
        return new Document(r.getString("id"), r.getString("organization_id"), r.getString("candidate_id"), r.getString("filename"),
                r.getString("file_type"), r.getLong("file_size"), r.getInteger("word_count"), r.getString("text"),
                r.getOffsetDateTime("uploaded_at"));
    }
}
