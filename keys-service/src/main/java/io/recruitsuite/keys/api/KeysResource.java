package io.recruitsuite.keys.api;

import io.recruitsuite.common.api.Envelope;
import io.quarkus.security.Authenticated;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.security.Caller;
import io.recruitsuite.common.security.InternalToken;
import io.recruitsuite.keys.keys.ApiKeyService;
import io.recruitsuite.keys.organizations.Member;
import io.recruitsuite.keys.organizations.MemberRepository;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/**
 * {@code /api/v1/keys}: key management for dashboard users (session auth, forwarded by the gateway).
 * Any member may list; owners and admins may create and revoke. Roles come from our member table,
 * so a removed member's still-valid dashboard token no longer manages keys.
 */
@Path("/api/v1/keys")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

    public static final String REVOKED_BY_USER = "revoked_by_user";

    @Inject
    Caller caller;
    @Inject
    ApiKeyService keys;
    @Inject
    MemberRepository members;

    @GET
    public Uni<Envelope<List<KeyView>>> list() {
        return member(false).chain(m -> keys.list(m.organizationId))
                .map(list -> Envelope.of(list.stream().map(KeyView::of).toList()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Envelope<KeyView>>> create(CreateKeyRequest request) {
        if (request == null) {
            throw ApiException.validation("Request body is required");
        }
        return member(true)
                .chain(m -> keys.issue(m.organizationId, request.name(), request.scopes(), request.expiresAt(), m.userId))
                .map(issued -> RestResponse.status(Response.Status.CREATED, Envelope.of(KeyView.of(issued.key(), issued.secret()))));
    }

    @DELETE
    @Path("/{prefix}")
    public Uni<Envelope<KeyView>> revoke(@PathParam("prefix") String prefix) {
        return member(true).chain(m -> keys.revoke(m.organizationId, prefix, REVOKED_BY_USER))
                .map(k -> Envelope.of(KeyView.of(k)));
    }

    private Uni<Member> member(boolean mustManage) {
        if (!InternalToken.AUTH_SESSION.equals(caller.authMethod())) {
            return Uni.createFrom().failure(ApiException.forbidden("Key management requires a dashboard session, not an API key"));
        }
        return members.find(caller.organizationId(), caller.userId())
                .onItem().ifNull().failWith(() -> ApiException.forbidden("You are not a member of this organization"))
                .invoke(m -> {
                    if (mustManage && !m.canManageKeys()) {
                        throw ApiException.forbidden("Only owners and admins can create or revoke API keys");
                    }
                });
    }
}
