package io.recruitsuite.search.reindex;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Reindex runs and the final sweep of documents the candidate-service no longer has. */
@ApplicationScoped
public class ReindexRepository {

    private static final String COLUMNS = "id, organization_id, status, started_at, finished_at, events_read, events_applied, "
            + "documents_swept, error";

    @Inject
    Pool pool;

    public Pool pool() {
        return pool;
    }

    /** A run and whether this call started it. */
    public record Started(ReindexRun run, boolean fresh) {
    }

    /** A new running run, or the one already running for the organization (then {@code fresh} is false). */
    public Uni<Started> start(String organizationId) {
        return pool.preparedQuery("insert into reindex_runs (id, organization_id, status) values ($1, $2, 'running') "
                        + "on conflict (organization_id) where status = 'running' do nothing returning " + COLUMNS)
                .execute(Tuple.of(UUID.randomUUID(), organizationId))
                .chain(rows -> rows.rowCount() == 1 ? Uni.createFrom().item(new Started(map(rows.iterator().next()), true))
                        : latest(organizationId));
    }

    public Uni<Started> latest(String organizationId) {
        return pool.preparedQuery("select " + COLUMNS + " from reindex_runs where organization_id = $1 order by started_at desc limit 1")
                .execute(Tuple.of(organizationId))
                .map(rows -> rows.rowCount() == 0 ? null : new Started(map(rows.iterator().next()), false));
    }

    public Uni<Void> progress(UUID run, long read, long applied) {
        return pool.preparedQuery("update reindex_runs set events_read = $2, events_applied = $3 where id = $1")
                .execute(Tuple.of(run, read, applied)).replaceWithVoid();
    }

    /** Removes the organization's documents that the candidate-service no longer has (not among {@code existing}). */
    public Uni<Integer> sweep(SqlClient tx, String organizationId, List<String> existing) {
        return tx.preparedQuery("delete from search_documents where organization_id = $1 and not (id = any($2))")
                .execute(Tuple.of(organizationId, existing.toArray(String[]::new))).map(RowSet::rowCount);
    }

    public Uni<Void> complete(SqlClient tx, UUID run, long read, long applied, int swept) {
        return tx.preparedQuery("update reindex_runs set status = 'completed', finished_at = now(), events_read = $2, "
                        + "events_applied = $3, documents_swept = $4 where id = $1")
                .execute(Tuple.of(run, read, applied, swept)).replaceWithVoid();
    }

    public Uni<Void> fail(UUID run, String error) {
        return pool.preparedQuery("update reindex_runs set status = 'failed', finished_at = now(), error = $2 where id = $1")
                .execute(Tuple.of(run, error)).replaceWithVoid();
    }

    private static ReindexRun map(Row r) {
        return new ReindexRun(r.getUUID("id").toString(), r.getString("organization_id"), r.getString("status"),
                r.getOffsetDateTime("started_at"), r.getOffsetDateTime("finished_at"), r.getLong("events_read"),
                r.getLong("events_applied"), r.getInteger("documents_swept"), r.getString("error"));
    }
}
