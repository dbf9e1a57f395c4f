package io.recruitsuite.webhook.endpoints;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

@ApplicationScoped
public class EndpointRepository {

    static final String COLUMNS = "id, organization_id, url, description, events, status, secret, previous_secret, previous_secret_until, "
            + "consecutive_failures, created_at, updated_at";

    @Inject
    Pool pool;

    public Uni<Endpoint> insert(SqlClient tx, String id, String org, String url, String description, List<String> events, byte[] secret) {
        return tx.preparedQuery("insert into webhook_endpoints (id, organization_id, url, description, events, secret) "
                        + "values ($1, $2, $3, $4, $5, $6) returning " + COLUMNS)
                .execute(Tuple.tuple(new ArrayList<>(Arrays.asList(id, org, url, description, events.toArray(String[]::new),
                        Buffer.buffer(secret)))))
                .map(rows -> map(rows.iterator().next()));
    }

    public Uni<Long> count(SqlClient tx, String org) {
        return tx.preparedQuery("select count(*) from webhook_endpoints where organization_id = $1").execute(Tuple.of(org))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Endpoint> find(String org, String id) {
        return pool.preparedQuery("select " + COLUMNS + " from webhook_endpoints where organization_id = $1 and id = $2")
                .execute(Tuple.of(org, id)).map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    public Uni<Endpoint> findById(String id) {
        return pool.preparedQuery("select " + COLUMNS + " from webhook_endpoints where id = $1")
                .execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    public Uni<List<Endpoint>> list(String org, int offset, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from webhook_endpoints where organization_id = $1 order by created_at, id "
                        + "limit $2 offset $3")
                .execute(Tuple.of(org, limit, offset))
                .map(rows -> {
                    List<Endpoint> out = new ArrayList<>();
                    for (var it = rows.iterator(); it.hasNext(); ) {
                        out.add(map(it.next()));
                    }
                    return out;
                });
    }

    public Uni<Long> countAll(String org) {
        return count(pool, org);
    }

    public Uni<Endpoint> update(String org, String id, String url, String description, List<String> events) {
        return pool.preparedQuery("update webhook_endpoints set url = $3, description = $4, events = $5, updated_at = now() "
                        + "where organization_id = $1 and id = $2 returning " + COLUMNS)
                .execute(Tuple.tuple(new ArrayList<>(Arrays.asList(org, id, url, description, events.toArray(String[]::new)))))
                .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    public Uni<Boolean> delete(String org, String id) {
        return pool.preparedQuery("delete from webhook_endpoints where organization_id = $1 and id = $2")
                .execute(Tuple.of(org, id)).map(rows -> rows.rowCount() > 0);
    }

    public Uni<Endpoint> rotate(String org, String id, byte[] newSecret, java.time.OffsetDateTime previousUntil) {
        return pool.preparedQuery("update webhook_endpoints set previous_secret = secret, previous_secret_until = $4, secret = $3, "
                        + "updated_at = now() where organization_id = $1 and id = $2 returning " + COLUMNS)
                .execute(Tuple.of(org, id, Buffer.buffer(newSecret), previousUntil))
                .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    /** Re-enables a paused or disabled endpoint; its pending deliveries become due at once. */
    public Uni<Endpoint> enable(String org, String id) {
        return pool.withTransaction(tx -> tx.preparedQuery("update webhook_endpoints set status = 'active', consecutive_failures = 0, "
                        + "updated_at = now() where organization_id = $1 and id = $2 returning " + COLUMNS)
                .execute(Tuple.of(org, id))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().nullItem()
                        : tx.preparedQuery("update webhook_deliveries set next_attempt_at = now() where endpoint_id = $1 and status = 'pending'")
                        .execute(Tuple.of(id)).map(x -> map(rows.iterator().next()))));
    }

    static Endpoint map(Row r) {
        return map(r, "");
    }

    /** The endpoint columns of {@code r}, each named {@code prefix + column} (the delivery claim joins them in as {@code e_…}). */
    public static Endpoint map(Row r, String prefix) {
        return new Endpoint(r.getString(prefix + "id"), r.getString(prefix + "organization_id"), r.getString(prefix + "url"),
                r.getString(prefix + "description"), Arrays.asList(r.getArrayOfStrings(prefix + "events")), EndpointStatus.fromWire(r.getString(prefix + "status")),
                bytes(r, prefix + "secret"), bytes(r, prefix + "previous_secret"), r.getOffsetDateTime(prefix + "previous_secret_until"),
                r.getInteger(prefix + "consecutive_failures"), r.getOffsetDateTime(prefix + "created_at"),
                r.getOffsetDateTime(prefix + "updated_at"));
    }

    /** The endpoint columns of table alias {@code alias}, renamed with {@code prefix}. */
    public static String columns(String alias, String prefix) {
        return Arrays.stream(COLUMNS.split(", ")).map(c -> alias + "." + c + " as " + prefix + c).reduce((a, b) -> a + ", " + b).orElseThrow();
    }

    private static byte[] bytes(Row r, String column) {
        var buffer = r.getBuffer(column);
        return buffer == null ? null : buffer.getBytes();
    }
}
