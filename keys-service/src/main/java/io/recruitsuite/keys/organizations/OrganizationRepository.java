package io.recruitsuite.keys.organizations;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class OrganizationRepository {

    @Inject
    Pool pool;

    public Uni<Organization> insert(SqlClient tx, String id, String name, String plan) {
        return tx.preparedQuery("insert into organizations (id, name, plan) values ($1, $2, $3) returning id, name, plan, created_at")
                .execute(Tuple.of(id, name, plan))
                .map(rows -> map(rows.iterator().next()));
    }

    public Uni<Organization> find(String id) {
        return pool.preparedQuery("select id, name, plan, created_at from organizations where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    /** Reads the organization and locks its row until the transaction ends, to serialise key creation per organization. */
    public Uni<Organization> findForUpdate(SqlClient tx, String id) {
        return tx.preparedQuery("select id, name, plan, created_at from organizations where id = $1 for update")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    public Uni<Void> updatePlan(SqlClient tx, String id, String plan) {
        return tx.preparedQuery("update organizations set plan = $2, updated_at = now() where id = $1")
                .execute(Tuple.of(id, plan))
                .replaceWithVoid();
    }

    public Uni<Member> upsertMember(SqlClient tx, String organizationId, String userId, String role) {
        return tx.preparedQuery("insert into members (organization_id, user_id, role) values ($1, $2, $3) "
                        + "on conflict (organization_id, user_id) do update set role = excluded.role "
                        + "returning organization_id, user_id, role, created_at")
                .execute(Tuple.of(organizationId, userId, role))
                .map(rows -> mapMember(rows.iterator().next()));
    }

    public Uni<Boolean> deleteMember(SqlClient tx, String organizationId, String userId) {
        return tx.preparedQuery("delete from members where organization_id = $1 and user_id = $2")
                .execute(Tuple.of(organizationId, userId))
                .map(rows -> rows.rowCount() > 0);
    }

    public Uni<Member> findMember(String organizationId, String userId) {
        return pool.preparedQuery("select organization_id, user_id, role, created_at from members where organization_id = $1 and user_id = $2")
                .execute(Tuple.of(organizationId, userId))
                .map(rows -> rows.size() == 0 ? null : mapMember(rows.iterator().next()));
    }

    public Uni<List<Member>> listMembers(String organizationId) {
        return pool.preparedQuery("select organization_id, user_id, role, created_at from members where organization_id = $1 order by created_at, user_id")
                .execute(Tuple.of(organizationId))
                .map(rows -> {
                    List<Member> out = new ArrayList<>();
                    rows.forEach(r -> out.add(mapMember(r)));
                    return out;
                });
    }

    private static Organization map(Row r) {
        return new Organization(r.getString("id"), r.getString("name"), r.getString("plan"), r.getOffsetDateTime("created_at"));
    }

    private static Member mapMember(Row r) {
        return new Member(r.getString("organization_id"), r.getString("user_id"), r.getString("role"), r.getOffsetDateTime("created_at"));
    }
}
