package io.recruitsuite.keys.api;

import io.recruitsuite.common.api.Envelope;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.security.Scopes;
import io.recruitsuite.keys.keys.ApiKeyService;
import io.recruitsuite.common.security.KeyVerification;
import io.recruitsuite.common.security.MemberStanding;
import io.recruitsuite.common.security.MonthlyUsage;
import io.recruitsuite.keys.organizations.OrganizationService;
import io.recruitsuite.keys.usage.UsageService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Calls from the gateway only (its service token carries {@link Scopes#INTERNAL_GATEWAY}). */
@Path("/internal/v1")
@RolesAllowed(Scopes.INTERNAL_GATEWAY)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalKeysResource {

    @Inject
    ApiKeyService keys;
    @Inject
    UsageService usage;
    @Inject
    OrganizationService organizations;

    public record VerifyRequest(String key) {
        @Override
        public String toString() {
            return "VerifyRequest[key=<redacted>]";
        }
    }

    @POST
    @Path("/keys/verify")
    public Uni<Envelope<KeyVerification>> verify(VerifyRequest request) {
        return keys.verify(request == null ? null : request.key()).map(Envelope::of);
    }

    /** The monthly count the gateway restores its quota counter from when Redis lost it. */
    @GET
    @Path("/usage/{organizationId}/{month}")
    public Uni<Envelope<MonthlyUsage>> monthlyUsage(@PathParam("organizationId") String organizationId,
                                                     @PathParam("month") String month) {
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ApiException.validation("month: expected YYYY-MM");
        }
        return usage.month(organizationId, parsed).map(Envelope::of);
    }

    /** Checked by the gateway for every dashboard session (cached briefly): membership and role now, not as the token says. */
    @GET
    @Path("/organizations/{organizationId}/members/{userId}")
    public Uni<Envelope<MemberStanding>> memberStanding(@PathParam("organizationId") String organizationId,
                                                        @PathParam("userId") String userId) {
        return organizations.standing(organizationId, userId).map(Envelope::of);
    }

    public record UsageReport(List<UsageService.KeyUsage> entries) {
    }

    @POST
    @Path("/usage")
    public Uni<Envelope<Integer>> usage(UsageReport report) {
        if (report == null || report.entries() == null) {
            throw ApiException.validation("entries: required");
        }
        return usage.record(report.entries()).map(Envelope::of);
    }
}
