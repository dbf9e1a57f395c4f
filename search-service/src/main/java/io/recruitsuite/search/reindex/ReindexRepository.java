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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Reindex runs, the live consumer's positions, and the final sweep of documents no event produced. */
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

    /** The live consumer's last applied offset of the organization, per partition. */
    public Uni<Map<Integer, Long>> livePositions(SqlClient tx, String organizationId) {
        return tx.preparedQuery("select kafka_partition, last_offset from consumer_positions where organization_id = $1")
                .execute(Tuple.of(organizationId))
                .map(rows -> {
                    Map<Integer, Long> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getInteger(0), r.getLong(1)));
                    return out;
                });
    }

    /** Removes the organization's documents that no replayed or newer event has written since {@code since}. */
    public Uni<Integer> sweep(SqlClient tx, String organizationId, OffsetDateTime since) {
        return tx.preparedQuery("delete from search_documents where organization_id = $1 and indexed_at < $2")
                .execute(Tuple.of(organizationId, since)).map(RowSet::rowCount);
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
