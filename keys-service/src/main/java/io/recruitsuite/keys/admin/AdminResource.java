package io.recruitsuite.keys.admin;

import io.recruitsuite.common.security.OperatorOnly;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.keys.api.CreateKeyRequest;
import io.recruitsuite.common.api.Envelope;
import io.recruitsuite.keys.api.KeyView;
import io.recruitsuite.keys.keys.ApiKeyService;
import io.recruitsuite.keys.limits.LimitOverrides;
import io.recruitsuite.keys.limits.LimitsService;
import io.recruitsuite.keys.limits.LimitsView;
import io.recruitsuite.keys.organizations.Member;
import io.recruitsuite.keys.organizations.Organization;
import io.recruitsuite.keys.organizations.OrganizationService;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Map;

/**
 * Operator API (never routed by the gateway): organizations, plans, rate-limit overrides, members, and keys
 * issued on an organization's behalf (used by ./suite for the demo organization).
 */
@Path("/admin/v1/organizations")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {

    public static final String REVOKED_BY_OPERATOR = "revoked_by_operator";

    @Inject
    OrganizationService organizations;
    @Inject
    ApiKeyService keys;
    @Inject
    LimitsService limits;

    public record CreateOrganization(String name, String plan) {
    }

    public record ChangePlan(String plan) {
    }

    public record AddMember(String userId, String role, String email, String identitySubject) {
    }

    @POST
    public Uni<RestResponse<Envelope<Organization>>> create(CreateOrganization request) {
        require(request);
        return organizations.create(request.name(), request.plan())
                .map(org -> RestResponse.status(Response.Status.CREATED, Envelope.of(org)));
    }

    @GET
    @Path("/{id}")
    public Uni<Envelope<Organization>> get(@PathParam("id") String id) {
        return organizations.get(id).map(Envelope::of);
    }

    @PATCH
    @Path("/{id}")
    public Uni<Envelope<Organization>> changePlan(@PathParam("id") String id, ChangePlan request) {
        require(request);
        return organizations.changePlan(id, request.plan()).map(Envelope::of);
    }

    /** The organization's rate-limit windows: its plan's, its overrides and what the gateways apply. */
    @GET
    @Path("/{id}/limits")
    public Uni<Envelope<LimitsView>> limits(@PathParam("id") String id) {
        return limits.get(id).map(Envelope::of);
    }

    /** Replaces the organization's overrides; a window left out is the plan's again. Gateways apply it within seconds. */
    @PUT
    @Path("/{id}/limits")
    public Uni<Envelope<LimitsView>> setLimits(@PathParam("id") String id, LimitOverrides request) {
        require(request);
        return limits.set(id, request).map(Envelope::of);
    }

    /** Drops every override: the organization gets its plan's windows again. */
    @DELETE
    @Path("/{id}/limits")
    public Uni<Envelope<LimitsView>> resetLimits(@PathParam("id") String id) {
        return limits.reset(id).map(Envelope::of);
    }

    @GET
    @Path("/{id}/members")
    public Uni<Envelope<List<Member>>> members(@PathParam("id") String id) {
        return organizations.members(id).map(Envelope::of);
    }

    @POST
    @Path("/{id}/members")
    public Uni<RestResponse<Envelope<Member>>> addMember(@PathParam("id") String id, AddMember request) {
        require(request);
        return organizations.addMember(id, request.userId(), request.role(), request.email(), request.identitySubject())
                .map(m -> RestResponse.status(Response.Status.CREATED, Envelope.of(m)));
    }

    @DELETE
    @Path("/{id}/members/{userId}")
    public Uni<Envelope<Map<String, Object>>> removeMember(@PathParam("id") String id, @PathParam("userId") String userId) {
        return organizations.removeMember(id, userId)
                .map(revoked -> Envelope.of(Map.of("userId", userId, "revokedKeys", revoked)));
    }

    @POST
    @Path("/{id}/keys")
    public Uni<RestResponse<Envelope<KeyView>>> issueKey(@PathParam("id") String id, CreateKeyRequest request) {
        require(request);
        return keys.issue(id, request.name(), request.scopes(), request.expiresAt(), null)
                .map(issued -> RestResponse.status(Response.Status.CREATED, Envelope.of(KeyView.of(issued.key(), issued.secret()))));
    }

    @DELETE
    @Path("/{id}/keys/{prefix}")
    public Uni<Envelope<KeyView>> revokeKey(@PathParam("id") String id, @PathParam("prefix") String prefix) {
        return keys.revoke(id, prefix, REVOKED_BY_OPERATOR).map(k -> Envelope.of(KeyView.of(k)));
    }

    private static void require(Object body) {
        if (body == null) {
            throw ApiException.validation("Request body is required");
        }
    }
}
