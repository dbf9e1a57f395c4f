package io.recruitsuite.webhook.history;

import io.recruitsuite.common.events.EventTypes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The event history table: written as events arrive, read by the events API, trimmed by age, redacted on erasure. */
@ApplicationScoped
public class EventHistory {

    @Inject
    Pool pool;

    /** Keeps one event; a replayed event (same id) is a no-op. */
    public Uni<Void> record(UUID eventId, String org, String type, OffsetDateTime occurredAt, String payload, String withoutContact,
                            String candidateId) {
        return pool.preparedQuery("insert into event_history (event_id, organization_id, event_type, occurred_at, payload, "
                        + "payload_without_contact, candidate_id) values ($1, $2, $3, $4, $5, $6, $7) on conflict (event_id) do nothing")
                .execute(Tuple.from(new Object[] {eventId, org, type, occurredAt, payload, withoutContact, candidateId}))
                .replaceWithVoid();
    }

    /**
     * Up to {@code limit} events of {@code org} of the given types, oldest first (the order they happened, which a
     * catching-up integrator replays in), after {@code after} and within [{@code from}, {@code to}).
     */
    public Uni<List<HistoryEntry>> page(String org, List<String> types, OffsetDateTime from, OffsetDateTime to, HistoryCursor after,
                                        int limit) {
        return pool.preparedQuery("select event_id, event_type, occurred_at, payload, payload_without_contact from event_history "
                        + "where organization_id = $1 and event_type = any($2) and occurred_at >= $3 and occurred_at < $4 "
                        + "and ($5::timestamptz is null or (occurred_at, event_id) > ($5, $6)) "
                        + "order by occurred_at, event_id limit $7")
                .execute(Tuple.from(new Object[] {org, types.toArray(String[]::new), from, to, after == null ? null : after.occurredAt(),
                        after == null ? null : after.eventId(), limit}))
                .map(rows -> {
                    List<HistoryEntry> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new HistoryEntry(r.getUUID("event_id"), r.getString("event_type"), r.getOffsetDateTime("occurred_at"),
                                r.getString("payload"), r.getString("payload_without_contact")));
                    }
                    return out;
                });
    }

    /**
     * An erased candidate: its events keep only their ids (the same rule as stored delivery payloads,
     * docs/security.md's data map). The erasure event itself holds ids only and stays.
     */
    public Uni<Integer> redactCandidate(String org, String candidateId) {
        // ids only hold no contact details, so both forms become the same text
        return pool.preparedQuery("update event_history h set payload = s.redacted, payload_without_contact = s.redacted from ("
                        + "select event_id, jsonb_build_object('id', p -> 'id', 'type', p -> 'type', 'timestamp', p -> 'timestamp', "
                        + "'organizationId', p -> 'organizationId', 'schemaVersion', p -> 'schemaVersion', "
                        + "'data', coalesce((select jsonb_object_agg(f.key, f.value) from jsonb_each(p -> 'data') f "
                        + "  where f.key like '%Id' or f.key like '%Ids'), '{}'::jsonb), 'redacted', true)::text as redacted "
                        + "from (select event_id, payload::jsonb as p from event_history "
                        + "      where organization_id = $1 and candidate_id = $2 and event_type <> $3) x "
                        + "where not (p ? 'redacted')) s where h.event_id = s.event_id")
                .execute(Tuple.of(org, candidateId, EventTypes.CANDIDATE_DELETED))
                .map(RowSet::rowCount);
    }

    /** Deletes up to {@code batch} events older than {@code cutoff}; the count tells whether to go on. */
    public Uni<Integer> deleteOlderThan(OffsetDateTime cutoff, int batch) {
        return pool.preparedQuery("delete from event_history where event_id in "
                        + "(select event_id from event_history where occurred_at < $1 limit $2)")
                .execute(Tuple.of(cutoff, batch))
                .map(RowSet::rowCount);
    }
}
