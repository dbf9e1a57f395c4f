package io.recruitsuite.candidate.notes;

import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Where;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

@ApplicationScoped
public class NoteRepository {

    private static final String COLUMNS = "id, organization_id, candidate_id, body, author, created_at";

    @Inject
    Pool pool;

    public Uni<Note> insert(SqlClient tx, String id, String organizationId, String candidateId, String body, String author) {
        return tx.preparedQuery("insert into notes (id, organization_id, candidate_id, body, author) values ($1, $2, $3, $4, $5) returning " + COLUMNS)
                .execute(Tuple.tuple(Arrays.asList(id, organizationId, candidateId, body, author)))
                .map(rows -> map(rows.iterator().next()));
    }

    public Uni<List<Note>> listPage(String organizationId, String candidateId, int offset, int limit) {
        Where where = where(organizationId, candidateId);
        return pool.preparedQuery("select " + COLUMNS + " from notes " + where.sql() + " order by created_at desc, id desc limit "
                        + where.param(limit) + " offset " + where.param(offset))
                .execute(where.args())
                .map(NoteRepository::mapAll);
    }

    public Uni<List<Note>> listAfter(String organizationId, String candidateId, Cursor cursor, int limit) {
        Where where = where(organizationId, candidateId).after("created_at", "id", cursor);
        return pool.preparedQuery("select " + COLUMNS + " from notes " + where.sql() + " order by created_at desc, id desc limit " + where.param(limit))
                .execute(where.args())
                .map(NoteRepository::mapAll);
    }

    public Uni<Long> count(String organizationId, String candidateId) {
        Where where = where(organizationId, candidateId);
        return pool.preparedQuery("select count(*) from notes " + where.sql())
                .execute(where.args())
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static Where where(String organizationId, String candidateId) {
        return Where.organization("organization_id", organizationId).and("candidate_id = ?", candidateId);
    }

    private static List<Note> mapAll(RowSet<Row> rows) {
        List<Note> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(map(r));
        }
        return out;
    }

    private static Note map(Row r) {
        return new Note(r.getString("id"), r.getString("organization_id"), r.getString("candidate_id"), r.getString("body"),
                r.getString("author"), r.getOffsetDateTime("created_at"));
    }
}
