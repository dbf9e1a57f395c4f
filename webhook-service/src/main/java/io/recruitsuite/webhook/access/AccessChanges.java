package io.recruitsuite.webhook.access;

import io.recruitsuite.common.events.EventPayload.MemberRemoved;
import io.recruitsuite.common.events.EventPayload.PlanChanged;
import io.recruitsuite.webhook.endpoints.Endpoint;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What the keys-service's member and plan events change here (issue 22, points 6 and 8), one statement each, so a
 * redelivered event changes nothing more:
 * <ul>
 * <li>{@code member.removed}: the endpoints the member set up through a dashboard session, and those set up with an
 * API key the removal revoked, are disabled ({@link Endpoint#CREATOR_REMOVED}); nothing more is sent to them and no
 * new event is queued for them until an admin enables one, which records that admin as its creator.</li>
 * <li>{@code organization.plan_changed} to a plan without API access: the organization's deliveries are held (queued,
 * never sent) until a plan with API access comes back.</li>
 * </ul>
 */
@ApplicationScoped
public class AccessChanges {

    @Inject
    Pool pool;

    /** Disables the endpoints {@code removed} set up; returns how many changed (0 when the event is seen again). */
    public Uni<Integer> memberRemoved(String org, MemberRemoved removed) {
        String[] prefixes = removed.revokedKeys() == null ? new String[0] : removed.revokedKeys().toArray(String[]::new);
        return pool.preparedQuery("update webhook_endpoints set status = 'disabled', status_reason = $4, updated_at = now() "
                        + "where organization_id = $1 and (creator_user_id = $2 or creator_key_prefix = any($3::text[])) "
                        + "and status_reason is distinct from $4")
                .execute(Tuple.of(org, removed.userId(), prefixes, Endpoint.CREATOR_REMOVED))
                .map(RowSet::rowCount);
    }

    /**
     * Holds or releases the organization's deliveries. Returns true when deliveries may flow again because of this
     * event (the caller wakes the delivery worker).
     */
    public Uni<Boolean> planChanged(String org, PlanChanged changed) {
        if (changed.withoutApiAccess()) {
            return pool.preparedQuery("insert into webhook_paused_organizations (organization_id, plan) values ($1, $2) "
                            + "on conflict (organization_id) do update set plan = excluded.plan")
                    .execute(Tuple.of(org, changed.newPlan())).replaceWith(false);
        }
        return pool.preparedQuery("delete from webhook_paused_organizations where organization_id = $1")
                .execute(Tuple.of(org)).map(rows -> rows.rowCount() > 0);
    }

    /** The plan that holds the organization's deliveries, or null when they flow. */
    public Uni<String> pausedPlan(String org) {
        return pool.preparedQuery("select plan from webhook_paused_organizations where organization_id = $1")
                .execute(Tuple.of(org))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }
}
