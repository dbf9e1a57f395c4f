package io.recruitsuite.webhook.delivery;

import io.recruitsuite.common.events.EventTypes;

import io.recruitsuite.common.security.ContactDetails;
import io.recruitsuite.webhook.WebhooksConfig;
import io.recruitsuite.webhook.endpoints.EndpointStatus;
import io.recruitsuite.webhook.endpoints.Endpoint;
import io.recruitsuite.webhook.endpoints.EndpointRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The durable delivery queue in PostgreSQL. A row is claimed with a lease (locked_until plus a
 * lease token) and settled, with its attempt logged and its endpoint's failure count updated, in one
 * statement that only the holder of the lease may run.
 */
@ApplicationScoped
public class DeliveryRepository {

    /**
     * Makes an endpoint's pending deliveries due now, in the current reactive session's transaction (the one
     * that re-enables the endpoint), so a resumed endpoint gets its backlog at once.
     */
    public Uni<Integer> makePendingDueNow(String endpointId) {
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s.createNativeQuery(
                        "update webhook_deliveries set next_attempt_at = now() where endpoint_id = :endpointId and status = 'pending'")
                .setParameter("endpointId", endpointId).executeUpdate());
    }

    static final String COLUMNS = "id, organization_id, endpoint_id, event_id, event_type, payload, status, attempts, next_attempt_at, "
            + "last_status, created_at, delivered_at, lease_token, trace_parent";
    static final String NEW_ID = "'dlv_' || replace(gen_random_uuid()::text, '-', '')";

    @Inject
    Pool pool;
    @Inject
    WebhooksConfig config;

    /**
     * One delivery per subscribed endpoint of the organization (active or paused: a paused endpoint
     * keeps collecting deliveries for later) whose read scopes include one of {@code readableWith}, all in
     * one statement; an endpoint without {@code candidates:read} gets {@code withoutContact}. The unique
     * (event, endpoint) pair makes a replayed event a no-op. An organization held for its plan keeps queueing for
     * {@code webhooks.paused-organization-retention}; after that its events are no longer queued.
     */
    public Uni<Integer> fanOut(UUID eventId, String org, String type, String payload, String withoutContact, List<String> readableWith,
                               String traceParent) {
        return pool.preparedQuery("insert into webhook_deliveries (id, organization_id, endpoint_id, event_id, event_type, payload, trace_parent) "
                        + "select " + NEW_ID + ", e.organization_id, e.id, $1, $3, "
                        + "case when $7::text = any(e.read_scopes) then $4 else $6 end, $5 from webhook_endpoints e "
                        + "where e.organization_id = $2 and e.status in ('active', 'paused') "
                        + "and not exists (select 1 from webhook_paused_organizations p where p.organization_id = $2 "
                        + "  and p.paused_at < now() - make_interval(secs => $9)) "
                        + "and (cardinality(e.events) = 0 or $3 = any(e.events)) and e.read_scopes && $8::text[] "
                        + "on conflict (event_id, endpoint_id) do nothing")
                .execute(Tuple.from(new Object[] {eventId, org, type, payload, traceParent, withoutContact, ContactDetails.SCOPE,
                        readableWith.toArray(String[]::new), (double) config.pausedOrganizationRetention().toSeconds()}))
                .map(RowSet::rowCount);
    }

    /**
     * Erasure of a candidate ({@code candidate.deleted}): every stored delivery payload of the organization about that
     * candidate (its {@code data.candidateId}), delivered or not, keeps only its envelope and the ids of its data, marked
     * {@code "redacted": true}. A delivery still pending goes out so (the receiver learns that the event happened, and the
     * {@code candidate.deleted} delivery tells it to erase what it holds); a redelivery sends the redacted payload.
     * Returns the number of payloads redacted.
     */
    public Uni<Integer> redactCandidate(String org, String candidateId) {
        return pool.preparedQuery("update webhook_deliveries d set payload = jsonb_build_object("
                        + "'id', s.p -> 'id', 'type', s.p -> 'type', 'timestamp', s.p -> 'timestamp', 'organizationId', s.p -> 'organizationId', "
                        + "'data', coalesce((select jsonb_object_agg(f.key, f.value) from jsonb_each(s.p -> 'data') f "
                        + "  where f.key like '%Id' or f.key like '%Ids'), '{}'::jsonb), "
                        + "'redacted', true)::text "
                        + "from (select id, payload::jsonb as p from webhook_deliveries where organization_id = $1 and event_type <> $3) s "
                        + "where d.id = s.id and s.p #>> '{data,candidateId}' = $2 and not (s.p ? 'redacted')")
                .execute(Tuple.of(org, candidateId, EventTypes.CANDIDATE_DELETED))
                .map(RowSet::rowCount);
    }

    public Uni<Void> insertOne(String org, String endpointId, UUID eventId, String type, String payload, String traceParent) {
        return pool.preparedQuery("insert into webhook_deliveries (id, organization_id, endpoint_id, event_id, event_type, payload, trace_parent) "
                        + "values (" + NEW_ID + ", $1, $2, $3, $4, $5, $6) on conflict (event_id, endpoint_id) do nothing")
                .execute(Tuple.from(new Object[] {org, endpointId, eventId, type, payload, traceParent}))
                .replaceWithVoid();
    }

    /**
     * Claims due deliveries of active endpoints, fairly: each endpoint gets at most
     * {@code perEndpoint} leased deliveries at a time (those already in flight count), and the batch
     * takes the first due delivery of every endpoint before anyone's second, so a dead endpoint with
     * a large backlog cannot crowd out the others. SKIP LOCKED lets replicas claim side by side
     * without taking the same row; the lease returns a row whose claimer died.
     */
    /** A claimed delivery with its endpoint as it was at the claim. */
    public record Claimed(Delivery delivery, Endpoint endpoint) {
    }

    public Uni<List<Claimed>> claim(int batch, int perEndpoint, long leaseMillis, UUID leaseToken) {
        String due = "d.status = 'pending' and d.next_attempt_at <= now() and (d.locked_until is null or d.locked_until <= now())";
        return pool.preparedQuery("with slots as ("
                        + "  select e.id, $2 - (select count(*) from webhook_deliveries l where l.endpoint_id = e.id "
                        + "    and l.status = 'pending' and l.locked_until > now()) as free "
                        + "  from webhook_endpoints e where e.status = 'active' "
                        // an organization whose plan has no API access keeps its queue, but nothing is sent
                        + "  and not exists (select 1 from webhook_paused_organizations p where p.organization_id = e.organization_id) "
                        + "  and exists (select 1 from webhook_deliveries d where d.endpoint_id = e.id and " + due + ")), "
                        + "candidates as ("
                        + "  select c.id, c.next_attempt_at, row_number() over (partition by s.id order by c.next_attempt_at, c.id) as n "
                        + "  from slots s cross join lateral (select d.id, d.next_attempt_at from webhook_deliveries d "
                        + "    where d.endpoint_id = s.id and " + due + " order by d.next_attempt_at, d.id "
                        + "    limit greatest(s.free, 0) for update of d skip locked) c), "
                        + "picked as (select id from candidates order by n, next_attempt_at limit $1) "
                        + "update webhook_deliveries d set locked_until = now() + make_interval(secs => $3), lease_token = $4, "
                        + "attempts = d.attempts + 1 from picked, webhook_endpoints e where d.id = picked.id and e.id = d.endpoint_id "
                        + "returning " + prefixed() + ", " + EndpointRepository.columns("e", "e_"))
                .execute(Tuple.of(batch, perEndpoint, leaseMillis / 1000.0, leaseToken))
                .map(rows -> {
                    List<Claimed> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Claimed(map(r), EndpointRepository.fromRow(r, "e_")));
                    }
                    return out;
                });
    }

    /** What one attempt came to, as the delivery worker decided it. */
    public record Settlement(String deliveryId, UUID leaseToken, Outcome outcome, Integer statusCode, int latencyMs,
                             String responseExcerpt, String error, OffsetDateTime nextAttemptAt) {
    }

    public enum Outcome {
        /** 2xx: delivered; the endpoint's failure streak ends. */
        SUCCEEDED,
        /** Any other answer or none: retried at {@code nextAttemptAt}, or failed for good when that is null. */
        FAILED,
        /** 410 Gone: the delivery stops and the endpoint is disabled. */
        GONE,
        /**
         * Not sent: the endpoint's read scopes no longer cover the event's type (narrowed after it was queued).
         * The delivery fails for good; the endpoint's failure streak and status stay as they are.
         */
        WITHHELD
    }

    /**
     * Logs the attempt and, when this replica still holds the lease, records the outcome and updates
     * the endpoint (failure streak, pause after {@code failuresBeforePause}, disable on 410), all in
     * one atomic statement. Returns the endpoint's status afterwards, or null when the lease was lost.
     */
    public Uni<EndpointStatus> settle(Settlement s, int failuresBeforePause) {
        DeliveryStatus status = switch (s.outcome()) {
            case SUCCEEDED -> DeliveryStatus.SUCCEEDED;
            case GONE, WITHHELD -> DeliveryStatus.FAILED;
            case FAILED -> s.nextAttemptAt() == null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
        };
        return pool.preparedQuery("with settled as ("
                        + "  update webhook_deliveries set status = $3::text, last_status = $4::int, locked_until = null, lease_token = null, "
                        + "  next_attempt_at = coalesce($8::timestamptz, next_attempt_at), "
                        + "  delivered_at = case when $3::text = 'succeeded' then now() else delivered_at end "
                        + "  where id = $1 and lease_token = $2 returning endpoint_id), "
                        + "logged as (insert into webhook_attempts (delivery_id, status_code, latency_ms, response_excerpt, error) "
                        + "  values ($1, $4::int, $5, $6, $7)), "
                        + "endpoint as (update webhook_endpoints e set "
                        + "  consecutive_failures = case when $9::text = 'SUCCEEDED' then 0 when $9::text = 'FAILED' then e.consecutive_failures + 1 "
                        + "    else e.consecutive_failures end, "
                        + "  status = case when $9::text = 'GONE' then 'disabled' "
                        + "    when $9::text = 'FAILED' and e.consecutive_failures + 1 >= $10::int and e.status = 'active' then 'paused' else e.status end, "
                        // an endpoint disabled for its removed creator while this attempt was on the wire keeps that reason
                        + "  status_reason = case when e.status_reason = 'creator_removed' then e.status_reason "
                        + "    when $9::text = 'GONE' then 'gone' "
                        + "    when $9::text = 'FAILED' and e.consecutive_failures + 1 >= $10::int and e.status = 'active' then 'failing' "
                        + "    else e.status_reason end, "
                        + "  updated_at = now() "
                        + "  where e.id = (select endpoint_id from settled) and ($9::text <> 'SUCCEEDED' or e.consecutive_failures > 0) "
                        + "  returning e.status) "
                        + "select (select endpoint_id from settled) as endpoint_id, (select status from endpoint) as endpoint_status")
                .execute(Tuple.tuple(new ArrayList<>(Arrays.asList(s.deliveryId(), s.leaseToken(), status.wire(), s.statusCode(), s.latencyMs(),
                        s.responseExcerpt(), s.error(), s.nextAttemptAt(), s.outcome().name(), failuresBeforePause))))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    if (row.getString("endpoint_id") == null) {
                        return null;
                    }
                    String endpointStatus = row.getString("endpoint_status");
                    return endpointStatus == null ? EndpointStatus.ACTIVE : EndpointStatus.fromWire(endpointStatus);
                });
    }

    public Uni<List<Delivery>> listForEndpoint(String org, String endpointId, int offset, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from webhook_deliveries where organization_id = $1 and endpoint_id = $2 "
                        + "order by created_at desc, id limit $3 offset $4")
                .execute(Tuple.of(org, endpointId, limit, offset))
                .map(DeliveryRepository::mapAll);
    }

    /** One of the endpoint's deliveries; null when it is not this endpoint's (or organization's). */
    public Uni<Delivery> findForEndpoint(String org, String endpointId, String deliveryId) {
        return pool.preparedQuery("select " + COLUMNS + " from webhook_deliveries where organization_id = $1 and endpoint_id = $2 and id = $3")
                .execute(Tuple.of(org, endpointId, deliveryId))
                .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    public Uni<Long> countForEndpoint(String org, String endpointId) {
        return pool.preparedQuery("select count(*) from webhook_deliveries where organization_id = $1 and endpoint_id = $2")
                .execute(Tuple.of(org, endpointId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public record Attempt(String deliveryId, OffsetDateTime attemptedAt, Integer statusCode, int latencyMs, String responseExcerpt,
                          String error) {
    }

    public Uni<List<Attempt>> attempts(String org, List<String> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("select a.delivery_id, a.attempted_at, a.status_code, a.latency_ms, a.response_excerpt, a.error "
                        + "from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id "
                        + "where d.organization_id = $1 and a.delivery_id = any($2) order by a.attempted_at, a.id")
                .execute(Tuple.of(org, deliveryIds.toArray(String[]::new)))
                .map(rows -> {
                    List<Attempt> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Attempt(r.getString(0), r.getOffsetDateTime(1), r.getInteger(2), r.getInteger(3), r.getString(4),
                                r.getString(5)));
                    }
                    return out;
                });
    }

    /**
     * Puts a delivery back in the queue, due now, whatever its state; one that is being sent right
     * now is left to finish. Null when the delivery is not this endpoint's.
     */
    public Uni<Delivery> redeliver(String org, String endpointId, String deliveryId) {
        return pool.preparedQuery("update webhook_deliveries set status = 'pending', next_attempt_at = now() "
                        + "where organization_id = $1 and endpoint_id = $2 and id = $3 "
                        + "and (locked_until is null or locked_until <= now()) returning " + COLUMNS)
                .execute(Tuple.of(org, endpointId, deliveryId))
                .chain(rows -> rows.size() > 0 ? Uni.createFrom().item(map(rows.iterator().next()))
                        : pool.preparedQuery("select " + COLUMNS + " from webhook_deliveries where organization_id = $1 "
                                + "and endpoint_id = $2 and id = $3").execute(Tuple.of(org, endpointId, deliveryId))
                        .map(found -> found.size() == 0 ? null : map(found.iterator().next())));
    }

    private static String prefixed() {
        return Arrays.stream(COLUMNS.split(", ")).map(c -> "d." + c).reduce((a, b) -> a + ", " + b).orElseThrow();
    }

    static List<Delivery> mapAll(RowSet<Row> rows) {
        List<Delivery> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(map(r));
        }
        return out;
    }

    static Delivery map(Row r) {
        return new Delivery(r.getString("id"), r.getString("organization_id"), r.getString("endpoint_id"), r.getUUID("event_id"),
                r.getString("event_type"), r.getString("payload"), DeliveryStatus.fromWire(r.getString("status")), r.getInteger("attempts"),
                r.getOffsetDateTime("next_attempt_at"), r.getInteger("last_status"), r.getOffsetDateTime("created_at"),
                r.getOffsetDateTime("delivered_at"), r.getUUID("lease_token"), r.getString("trace_parent"));
    }
}
