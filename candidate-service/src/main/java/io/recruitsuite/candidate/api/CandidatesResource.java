package io.recruitsuite.candidate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.candidate.api.CandidateViews.CandidateFull;
import io.recruitsuite.candidate.api.CandidateViews.CandidateSummary;
import io.recruitsuite.candidate.candidates.CandidateFilter;
import io.recruitsuite.candidate.candidates.CandidateService;
import io.recruitsuite.candidate.candidates.CandidateService.NewCandidate;
import io.recruitsuite.candidate.candidates.CandidateService.NewDocument;
import io.recruitsuite.candidate.documents.DocumentRules;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.candidate.paging.PagingConfig;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.security.Caller;
import io.recruitsuite.common.security.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/candidates")
@Produces(MediaType.APPLICATION_JSON)
public class CandidatesResource {

    @Inject
    Caller caller;
    @Inject
    CandidateService service;
    @Inject
    PagingConfig paging;
    @Inject
    DocumentRules documentRules;

    /** {@code POST /api/v1/candidates} body; {@code cvText} (with an optional filename) attaches a CV given as text. */
    public record CreateCandidate(String name, String email, String phone, List<String> tags, String cvText, String filename) {
    }

    @GET
    @RolesAllowed(Scopes.CANDIDATES_READ)
    public Uni<Envelope<List<CandidateSummary>>> list(@QueryParam("page") String page, @QueryParam("limit") String limit,
                                                      @QueryParam("cursor") String cursor, @QueryParam("search") String search,
                                                      @QueryParam("tag") String tag, @QueryParam("createdAfter") String createdAfter) {
        PageRequest request = PageRequest.parse(page, limit, cursor, paging);
        CandidateFilter filter = CandidateFilter.parse(search, tag, createdAfter);
        return service.list(caller.organizationId(), filter, request).map(listing -> Envelope.of(
                listing.items().stream().map(CandidateSummary::of).toList(),
                request.cursorMode()
                        ? new Envelope.Meta(null, request.limit(), null, listing.nextCursor(), listing.hasMore())
                        : new Envelope.Meta(request.page(), request.limit(), listing.total(), listing.nextCursor(), listing.hasMore())));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scopes.CANDIDATES_READ)
    public Uni<Envelope<CandidateFull>> get(@PathParam("id") String id) {
        return service.get(caller.organizationId(), id).map(d -> Envelope.of(CandidateFull.of(d)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.CANDIDATES_WRITE)
    public Uni<RestResponse<Envelope<CandidateFull>>> create(CreateCandidate body) {
        if (body == null) {
            throw ApiException.validation("Request body is required");
        }
        NewDocument cv = body.cvText() == null ? null : documentRules.fromText(body.filename(), body.cvText());
        return service.create(caller.organizationId(), new NewCandidate(body.name(), body.email(), body.phone(), body.tags()), cv)
                .map(d -> RestResponse.status(Response.Status.CREATED, Envelope.of(CandidateFull.of(d))));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.CANDIDATES_WRITE)
    public Uni<Envelope<CandidateFull>> update(@PathParam("id") String id, JsonNode body) {
        if (!(body instanceof ObjectNode patch)) {
            throw ApiException.validation("Request body must be a JSON object");
        }
        CandidateService.Changes changes = new CandidateService.Changes(
                text(patch, "name"), text(patch, "email"), text(patch, "phone"), tags(patch),
                patch.has("name"), patch.has("email"), patch.has("phone"), patch.has("tags"));
        return service.update(caller.organizationId(), id, changes).map(d -> Envelope.of(CandidateFull.of(d)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Scopes.CANDIDATES_WRITE)
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id) {
        return service.delete(caller.organizationId(), id).map(v -> RestResponse.noContent());
    }

    private static String text(ObjectNode patch, String field) {
        JsonNode value = patch.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.validation(field + ": must be a string");
        }
        return value.textValue();
    }

    private static List<String> tags(ObjectNode patch) {
        JsonNode value = patch.get("tags");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw ApiException.validation("tags: must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode t : value) {
            if (!t.isTextual()) {
                throw ApiException.validation("tags: must be an array of strings");
            }
            out.add(t.textValue());
        }
        return out;
    }
}
