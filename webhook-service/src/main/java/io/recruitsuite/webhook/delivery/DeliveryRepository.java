package io.recruitsuite.webhook.delivery;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The durable delivery queue. */
@ApplicationScoped
public class DeliveryRepository {

    static final String COLUMNS = "id, organization_id, endpoint_id, event_id, event_type, payload, status, attempts, next_attempt_at, "
            + "last_status, created_at, delivered_at";
    static final String NEW_ID = "'dlv_' || replace(gen_random_uuid()::text, '-', '')";

    @Inject
    Pool pool;

    /**
     * One delivery per subscribed endpoint of the organization (active or paused; a paused endpoint
     * keeps its deliveries for later). The unique (event, endpoint) pair makes replays no-ops.
     */
    public Uni<Integer> fanOut(UUID eventId, String org, String type, String payload) {
        return pool.preparedQuery("insert into webhook_deliveries (id, organization_id, endpoint_id, event_id, event_type, payload) "
                        + "select " + NEW_ID + ", e.organization_id, e.id, $1, $3, $4 from webhook_endpoints e "
                        + "where e.organization_id = $2 and e.status in ('active', 'paused') "
                        + "and (cardinality(e.events) = 0 or $3 = any(e.events)) "
                        + "on conflict (event_id, endpoint_id) do nothing")
                .execute(Tuple.of(eventId, org, type, payload))
                .map(rows -> rows.rowCount());
    }

    public Uni<Void> insertOne(String org, String endpointId, UUID eventId, String type, String payload) {
        return pool.preparedQuery("insert into webhook_deliveries (id, organization_id, endpoint_id, event_id, event_type, payload) "
                        + "values (" + NEW_ID + ", $1, $2, $3, $4, $5) on conflict (event_id, endpoint_id) do nothing")
                .execute(Tuple.of(org, endpointId, eventId, type, payload))
                .replaceWithVoid();
    }

    /**
     * Claims due deliveries of active endpoints for this replica: at most {@code perEndpoint} per
     * endpoint, leased until {@code lease} seconds from now. SKIP LOCKED lets replicas claim side by
     * side without taking the same row; the lease returns a row whose claimer died.
     */
    public Uni<List<Delivery>> claim(int batch, int perEndpoint, long leaseSeconds) {
        return pool.preparedQuery("with due as (select d.id, row_number() over (partition by d.endpoint_id order by d.next_attempt_at, d.id) as n "
                        + "from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id "
                        + "where d.status = 'pending' and d.next_attempt_at <= now() and (d.locked_until is null or d.locked_until < now()) "
                        + "and e.status = 'active' order by d.next_attempt_at limit $1 * 4), "
                        + "picked as (select w.id from webhook_deliveries w join due on due.id = w.id where due.n <= $2 "
                        + "order by w.next_attempt_at limit $1 for update of w skip locked) "
                        + "update webhook_deliveries d set locked_until = now() + make_interval(secs => $3), attempts = attempts + 1 "
                        + "from picked where d.id = picked.id returning " + prefixed())
                .execute(Tuple.of(batch, perEndpoint, (double) leaseSeconds))
                .map(DeliveryRepository::mapAll);
    }

    private static String prefixed() {
        return Arrays.stream(COLUMNS.split(", ")).map(c -> "d." + c).reduce((a, b) -> a + ", " + b).orElseThrow();
    }

    public Uni<Void> recordAttempt(SqlClient tx, String deliveryId, Integer statusCode, int latencyMs, String excerpt, String error) {
        return tx.preparedQuery("insert into webhook_attempts (delivery_id, status_code, latency_ms, response_excerpt, error) "
                        + "values ($1, $2, $3, $4, $5)")
                .execute(Tuple.tuple(new ArrayList<>(Arrays.asList(deliveryId, statusCode, latencyMs, excerpt, error))))
                .replaceWithVoid();
    }

    public Uni<Void> succeeded(SqlClient tx, String deliveryId, int statusCode) {
        return tx.preparedQuery("update webhook_deliveries set status = 'succeeded', delivered_at = now(), last_status = $2, locked_until = null "
                        + "where id = $1").execute(Tuple.of(deliveryId, statusCode)).replaceWithVoid();
    }

    /** Schedules the next attempt, or marks the delivery failed when {@code nextAttemptAt} is null. */
    public Uni<Void> failed(SqlClient tx, String deliveryId, Integer statusCode, OffsetDateTime nextAttemptAt) {
        return tx.preparedQuery("update webhook_deliveries set status = case when $3::timestamptz is null then 'failed' else 'pending' end, "
                        + "next_attempt_at = coalesce($3, next_attempt_at), last_status = $2, locked_until = null where id = $1")
                .execute(Tuple.tuple(new ArrayList<>(Arrays.asList(deliveryId, statusCode, nextAttemptAt))))
                .replaceWithVoid();
    }

    public Uni<List<Delivery>> listForEndpoint(String org, String endpointId, int offset, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from webhook_deliveries where organization_id = $1 and endpoint_id = $2 "
                        + "order by created_at desc, id limit $3 offset $4")
                .execute(Tuple.of(org, endpointId, limit, offset))
                .map(DeliveryRepository::mapAll);
    }

    public record Attempt(String deliveryId, OffsetDateTime attemptedAt, Integer statusCode, int latencyMs, String responseExcerpt, String error) {
    }

    public Uni<List<Attempt>> attempts(String org, List<String> deliveryIds) {
        return pool.preparedQuery("select a.delivery_id, a.attempted_at, a.status_code, a.latency_ms, a.response_excerpt, a.error "
                        + "from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id "
                        + "where d.organization_id = $1 and a.delivery_id = any($2) order by a.attempted_at")
                .execute(Tuple.of(org, deliveryIds.toArray(String[]::new)))
                .map(rows -> {
                    List<Attempt> out = new ArrayList<>();
                    for (var it = rows.iterator(); it.hasNext(); ) {
                        Row r = it.next();
                        out.add(new Attempt(r.getString(0), r.getOffsetDateTime(1), r.getInteger(2), r.getInteger(3), r.getString(4), r.getString(5)));
                    }
                    return out;
                });
    }

    /** Puts a delivery back in the queue, due now, whatever its state. */
    public Uni<Delivery> redeliver(String org, String endpointId, String deliveryId) {
        return pool.preparedQuery("update webhook_deliveries set status = 'pending', next_attempt_at = now(), locked_until = null "
                        + "where organization_id = $1 and endpoint_id = $2 and id = $3 returning " + COLUMNS)
                .execute(Tuple.of(org, endpointId, deliveryId))
                .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    static List<Delivery> mapAll(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<Delivery> out = new ArrayList<>();
        for (var it = rows.iterator(); it.hasNext(); ) {
            out.add(map(it.next()));
        }
        return out;
    }

    static Delivery map(Row r) {
        return new Delivery(r.getString("id"), r.getString("organization_id"), r.getString("endpoint_id"), r.getUUID("event_id"),
                r.getString("event_type"), r.getString("payload"), r.getString("status"), r.getInteger("attempts"),
                r.getOffsetDateTime("next_attempt_at"), r.getInteger("last_status"), r.getOffsetDateTime("created_at"),
                r.getOffsetDateTime("delivered_at"));
    }
}
