package io.recruitsuite.search.reindex;

import io.recruitsuite.common.security.OperatorOnly;
import io.recruitsuite.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.Map;

/**
 * Operator API (never routed by the gateway): rebuild one organization's index from the CVs the
 * candidate-service holds, and follow the run.
 */
@Path("/admin/v1/reindex/{organizationId}")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
public class ReindexResource {

    static final int MAX_ID = 100;

    @Inject
    ReindexService reindex;

    /** 202 with the run; a second call while one runs returns that run. */
    @POST
    public Uni<RestResponse<Map<String, ReindexRun>>> start(@PathParam("organizationId") String organizationId) {
        validate(organizationId);
        return reindex.start(organizationId).map(run -> RestResponse.status(Response.Status.ACCEPTED, Map.of("data", run)));
    }

    @GET
    public Uni<Map<String, ReindexRun>> latest(@PathParam("organizationId") String organizationId) {
        validate(organizationId);
        return reindex.latest(organizationId).map(run -> {
            if (run == null) {
                throw ApiException.notFound("Reindex run");
            }
            return Map.of("data", run);
        });
    }

    private static void validate(String organizationId) {
        if (organizationId.isBlank() || organizationId.length() > MAX_ID) {
            throw ApiException.validation("organizationId: 1 to " + MAX_ID + " characters");
        }
    }
}
