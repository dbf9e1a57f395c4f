package io.recruitsuite.webhook.endpoints;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.recruitsuite.common.persistence.OrganizationScopedRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;

@ApplicationScoped
@WithSession
public class EndpointRepository extends OrganizationScopedRepository<Endpoint> {

    public EndpointRepository() {
        super(Endpoint.class);
    }

    public Uni<List<Endpoint>> page(String organizationId, int offset, int limit) {
        return list(organizationId, null, "createdAt, id", null, offset, limit);
    }

    public Uni<Boolean> deleteById(String organizationId, String id) {
        return delete(organizationId, "id = :id", io.quarkus.panache.common.Parameters.with("id", id)).map(deleted -> deleted > 0);
    }

    /**
     * Endpoints after {@code afterId} (in id order) whose secrets another key than {@code activeKeyId} sealed, locked;
     * rows another replica holds are skipped.
     */
    public Uni<List<Endpoint>> lockSealedUnderAnotherKey(String activeKeyId, String afterId, int limit) {
        return acrossOrganizations().list("(secretKeyId is null or secretKeyId <> :active) and id > :after order by id",
                io.quarkus.panache.common.Parameters.with("active", activeKeyId).and("after", afterId),
                org.hibernate.LockMode.UPGRADE_SKIPLOCKED, limit);
    }

    public Uni<Long> count(String organizationId) {
        return count(organizationId, null, null);
    }

    /** The columns the delivery queue reads of an endpoint, in its own SQL. */
    static final String COLUMNS = "id, organization_id, url, description, events, status, secret, previous_secret, previous_secret_until, "
            + "consecutive_failures, created_at, updated_at, legacy_signature, read_scopes, status_reason, creator_user_id, creator_key_prefix";

    /** The endpoint columns of table alias {@code alias}, renamed with {@code prefix}. */
    public static String columns(String alias, String prefix) {
        return Arrays.stream(COLUMNS.split(", ")).map(c -> alias + "." + c + " as " + prefix + c).reduce((a, b) -> a + ", " + b).orElseThrow();
    }

    /**
     * An endpoint from the columns of a delivery-queue row, each named {@code prefix + column} (the claim joins them
     * in as {@code e_…}): the queue reads endpoints with its own SQL, and the worker only reads them.
     */
    public static Endpoint fromRow(Row r, String prefix) {
        Endpoint e = new Endpoint();
        e.id = r.getString(prefix + "id");
        e.organizationId = r.getString(prefix + "organization_id");
        e.url = r.getString(prefix + "url");
        e.description = r.getString(prefix + "description");
        e.events = Arrays.asList(r.getArrayOfStrings(prefix + "events"));
        e.status = EndpointStatus.fromWire(r.getString(prefix + "status"));
        e.secret = bytes(r, prefix + "secret");
        e.previousSecret = bytes(r, prefix + "previous_secret");
        e.previousSecretUntil = r.getOffsetDateTime(prefix + "previous_secret_until");
        e.consecutiveFailures = r.getInteger(prefix + "consecutive_failures");
        e.legacySignature = r.getBoolean(prefix + "legacy_signature");
        e.readScopes = Arrays.asList(r.getArrayOfStrings(prefix + "read_scopes"));
        e.statusReason = r.getString(prefix + "status_reason");
        e.creatorUserId = r.getString(prefix + "creator_user_id");
        e.creatorKeyPrefix = r.getString(prefix + "creator_key_prefix");
        e.createdAt = r.getOffsetDateTime(prefix + "created_at");
        e.updatedAt = r.getOffsetDateTime(prefix + "updated_at");
        return e;
    }

    private static byte[] bytes(Row r, String column) {
        var buffer = r.getBuffer(column);
        return buffer == null ? null : buffer.getBytes();
    }
}
