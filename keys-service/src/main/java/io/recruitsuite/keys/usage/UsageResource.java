package io.recruitsuite.keys.usage;

import io.quarkus.security.Authenticated;
import io.recruitsuite.common.api.Envelope;
import io.recruitsuite.common.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code GET /api/v1/usage}: the caller's organization's API requests and error answers per hour, as the gateway
 * counted them (any valid key or dashboard session of the organization; no scope, like the account).
 */
@Path("/api/v1/usage")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    @Inject
    Caller caller;
    @Inject
    UsageService usage;

    @GET
    @Operation(operationId = "getHourlyUsage", summary = "Requests and error answers per hour",
            description = "Every hour (UTC) of the last `days` days up to the current one, zero-filled: the requests the "
                    + "gateway admitted with the organization's API keys and how many of them were answered with a 4xx or 5xx "
                    + "status. Counts arrive from the gateway in batches, so the current hour lags by up to a few seconds.")
    public Uni<Envelope<UsageService.HourlyUsage>> hourly(
            @Parameter(description = "How many days back, 1 to 35 (default 7)") @QueryParam("days") @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1", maximum = "35") String days) {
        return usage.hourly(caller.organizationId(), days).map(Envelope::of);
    }
}
