package io.recruitsuite.keys.console;

import io.recruitsuite.common.api.Envelope;
import io.recruitsuite.keys.organizations.Member;
import io.recruitsuite.keys.organizations.OrganizationService;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * The console's question at sign-in (never routed by the gateway): which organizations and roles does the person the
 * OpenID provider vouches for have here? Matched by the provider's subject, or by an email address the provider
 * verified (the console sends {@code email} only when the provider says it is verified).
 */
@Path("/internal/v1/identities")
@ConsoleOnly
@Produces(MediaType.APPLICATION_JSON)
public class IdentitiesResource {

    @Inject
    OrganizationService organizations;

    public record Membership(String organizationId, String userId, String role) {
        static Membership of(Member member) {
            return new Membership(member.organizationId, member.userId, member.role);
        }
    }

    @GET
    @Path("/memberships")
    @Operation(hidden = true)
    public Uni<Envelope<List<Membership>>> memberships(@QueryParam("subject") String subject,
                                                        @QueryParam("verifiedEmail") String verifiedEmail) {
        return organizations.membershipsOf(subject, verifiedEmail)
                .map(found -> Envelope.of(found.stream().map(Membership::of).toList()));
    }
}
