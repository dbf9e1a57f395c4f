package io.recruitsuite.keys.keys;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

@ApplicationScoped
public class ApiKeyRepository {

    private static final String COLUMNS = "id, organization_id, name, prefix, secret_hash, scopes, created_by, created_at, "
            + "expires_at, last_used_at, revoked_at, revoked_reason";

    @Inject
    Pool pool;

    public Uni<Void> insert(SqlClient tx, ApiKey key) {
        return tx.preparedQuery("insert into api_keys (id, organization_id, name, prefix, secret_hash, scopes, created_by, created_at, expires_at) "
                        + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.tuple(List.of(key.id(), key.organizationId(), key.name(), key.prefix(),
                                io.vertx.core.buffer.Buffer.buffer(key.secretHash()), key.scopes().toArray(String[]::new)))
                        .addValue(key.createdBy()).addOffsetDateTime(key.createdAt()).addOffsetDateTime(key.expiresAt()))
                .replaceWithVoid();
    }

    /** The key with this prefix together with its organization's plan, or null. */
    public Uni<KeyWithPlan> findByPrefixWithPlan(String prefix) {
        return pool.preparedQuery("select k.id, k.organization_id, k.name, k.prefix, k.secret_hash, k.scopes, k.created_by, k.created_at, "
                        + "k.expires_at, k.last_used_at, k.revoked_at, k.revoked_reason, o.plan "
                        + "from api_keys k join organizations o on o.id = k.organization_id where k.prefix = $1")
                .execute(Tuple.of(prefix))
                .map(rows -> rows.size() == 0 ? null : new KeyWithPlan(map(rows.iterator().next()), rows.iterator().next().getString("plan")));
    }

    public record KeyWithPlan(ApiKey key, String plan) {
    }

    public Uni<List<ApiKey>> listByOrganization(String organizationId) {
        return pool.preparedQuery("select " + COLUMNS + " from api_keys where organization_id = $1 order by created_at desc, id")
                .execute(Tuple.of(organizationId))
                .map(ApiKeyRepository::mapAll);
    }

    public Uni<Long> countActive(SqlClient tx, String organizationId) {
        return tx.preparedQuery("select count(*) from api_keys where organization_id = $1 and revoked_at is null "
                        + "and (expires_at is null or expires_at > now())")
                .execute(Tuple.of(organizationId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Revokes the organization's key with this prefix; the key as it was before, or null when there is none. */
    public Uni<ApiKey> revoke(SqlClient tx, String organizationId, String prefix, String reason) {
        return tx.preparedQuery("update api_keys set revoked_at = now(), revoked_reason = $3 "
                        + "where organization_id = $1 and prefix = $2 and revoked_at is null returning " + COLUMNS)
                .execute(Tuple.of(organizationId, prefix, reason))
                .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    public Uni<List<ApiKey>> revokeCreatedBy(SqlClient tx, String organizationId, String userId, String reason) {
        return tx.preparedQuery("update api_keys set revoked_at = now(), revoked_reason = $3 "
                        + "where organization_id = $1 and created_by = $2 and revoked_at is null returning " + COLUMNS)
                .execute(Tuple.of(organizationId, userId, reason))
                .map(ApiKeyRepository::mapAll);
    }

    public Uni<List<ApiKey>> revokeAllOfOrganization(SqlClient tx, String organizationId, String reason) {
        return tx.preparedQuery("update api_keys set revoked_at = now(), revoked_reason = $2 "
                        + "where organization_id = $1 and revoked_at is null returning " + COLUMNS)
                .execute(Tuple.of(organizationId, reason))
                .map(ApiKeyRepository::mapAll);
    }

    /** Keys that expired and were not announced yet; marks them announced. */
    public Uni<List<ApiKey>> claimNewlyExpired(SqlClient tx) {
        return tx.query("update api_keys set expiry_notified_at = now() where revoked_at is null and expires_at <= now() "
                        + "and expiry_notified_at is null returning " + COLUMNS)
                .execute()
                .map(ApiKeyRepository::mapAll);
    }

    /** Active keys unused since {@code before} that were not announced as inactive; marks them announced. */
    public Uni<List<ApiKey>> claimNewlyInactive(SqlClient tx, OffsetDateTime before) {
        return tx.preparedQuery("update api_keys set inactivity_notified_at = now() where revoked_at is null "
                        + "and (expires_at is null or expires_at > now()) and coalesce(last_used_at, created_at) < $1 "
                        + "and inactivity_notified_at is null returning " + COLUMNS)
                .execute(Tuple.of(before))
                .map(ApiKeyRepository::mapAll);
    }

    /** Records use reported by the gateway: one statement per batch, never one write per request. */
    public Uni<Void> recordUse(SqlClient tx, String keyId, OffsetDateTime lastUsedAt) {
        return tx.preparedQuery("update api_keys set last_used_at = greatest(coalesce(last_used_at, $2), $2), "
                        + "inactivity_notified_at = null where id = $1")
                .execute(Tuple.of(keyId, lastUsedAt))
                .replaceWithVoid();
    }

    private static List<ApiKey> mapAll(RowSet<Row> rows) {
        List<ApiKey> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(map(r));
        }
        return out;
    }

    private static ApiKey map(Row r) {
        return new ApiKey(r.getString("id"), r.getString("organization_id"), r.getString("name"), r.getString("prefix"),
                r.getBuffer("secret_hash").getBytes(), Arrays.asList(r.getArrayOfStrings("scopes")), r.getString("created_by"),
                r.getOffsetDateTime("created_at"), r.getOffsetDateTime("expires_at"), r.getOffsetDateTime("last_used_at"),
                r.getOffsetDateTime("revoked_at"), r.getString("revoked_reason"));
    }
}
