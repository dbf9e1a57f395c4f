package io.recruitsuite.candidate.api;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.candidate.api.HiringViews.NoteView;
import io.recruitsuite.candidate.api.WorkflowViews.ConversionView;
import io.recruitsuite.candidate.applications.PiiRedaction;
import io.recruitsuite.candidate.candidates.CandidateFilter;
import io.recruitsuite.candidate.notes.NoteService;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.candidate.paging.PagingConfig;
import io.recruitsuite.candidate.prospects.ProspectRepository;
import io.recruitsuite.candidate.prospects.ProspectService;
import io.recruitsuite.common.api.Envelope;
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

import java.util.List;

/**
 * Sourced people who have not applied. A prospect is a person: without candidates:read a caller sees its ids, source
 * and tags only, and may not search by name or email (the answer would tell who is there).
 */
@Path("/api/v1/prospects")
@Produces(MediaType.APPLICATION_JSON)
public class ProspectsResource {

    /** What a prospect body may hold. */
    private static final String[] FIELDS = {"firstName", "lastName", "email", "phone", "source", "tags", "linkedinUrl"};

    @Inject
    Caller caller;
    @Inject
    ProspectService prospects;
    @Inject
    NoteService notes;
    @Inject
    PagingConfig paging;

    @GET
    @RolesAllowed(Scopes.PROSPECTS_READ)
    public Uni<Envelope<List<Object>>> list(@QueryParam("search") String search, @QueryParam("converted") String converted,
                                            @QueryParam("page") String page, @QueryParam("limit") String limit,
                                            @QueryParam("cursor") String cursor) {
        PageRequest request = PageRequest.parse(page, limit, cursor, paging);
        boolean contact = PiiRedaction.showsContact(caller.scopes());
        String text = CandidateFilter.parse(search, null, null).search();
        if (text != null && !contact) {
            throw ApiException.forbidden("search: matching prospects by name or email needs the candidates:read scope");
        }
        Boolean isConverted = converted == null || converted.isEmpty() ? null : switch (converted) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiException.validation("converted: must be true or false");
        };
        return prospects.list(caller.organizationId(), new ProspectRepository.Filter(text, isConverted), request)
                .map(l -> l.map(p -> WorkflowViews.prospect(p, contact)).envelope(request));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.PROSPECTS_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.NewProspect.class)))
    public Uni<RestResponse<Envelope<Object>>> create(JsonNode json) {
        ObjectNode body = JsonFields.object(json, FIELDS);
        boolean contact = PiiRedaction.showsContact(caller.scopes());
        return prospects.create(caller.organizationId(), fields(body))
                .map(p -> RestResponse.status(Response.Status.CREATED, Envelope.of(WorkflowViews.prospect(p, contact))));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scopes.PROSPECTS_READ)
    public Uni<Envelope<Object>> get(@PathParam("id") String id) {
        boolean contact = PiiRedaction.showsContact(caller.scopes());
        return prospects.get(caller.organizationId(), id).map(p -> Envelope.of(WorkflowViews.prospect(p, contact)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.PROSPECTS_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.ProspectChanges.class)))
    public Uni<Envelope<Object>> update(@PathParam("id") String id, JsonNode json) {
        ObjectNode body = JsonFields.object(json, FIELDS);
        boolean contact = PiiRedaction.showsContact(caller.scopes());
        ProspectService.Changes changes = new ProspectService.Changes(fields(body), body.has("firstName"), body.has("lastName"),
                body.has("email"), body.has("phone"), body.has("source"), body.has("tags"), body.has("linkedinUrl"));
        return prospects.update(caller.organizationId(), id, changes).map(p -> Envelope.of(WorkflowViews.prospect(p, contact)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Scopes.PROSPECTS_WRITE)
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id) {
        return prospects.delete(caller.organizationId(), id).map(v -> RestResponse.noContent());
    }

    /**
     * The prospect becomes a candidate, and with {@code jobId} (and optionally {@code stageId}) applies to the job. It writes
     * a candidate and an application, so the caller needs those write scopes as well.
     */
    @POST
    @Path("/{id}/convert")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @RolesAllowed(Scopes.PROSPECTS_WRITE)
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = RequestBodies.ProspectConversion.class)))
    public Uni<RestResponse<Envelope<ConversionView>>> convert(@PathParam("id") String id, JsonNode json) {
        ObjectNode body = json == null || json.isNull() || json.isMissingNode() ? JsonFields.object(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode())
                : JsonFields.object(json, "jobId", "stageId");
        String jobId = JsonFields.text(body, "jobId");
        if (!caller.hasScope(Scopes.CANDIDATES_WRITE)) {
            throw ApiException.forbidden("Converting a prospect creates a candidate: the candidates:write scope is needed too");
        }
        if (jobId != null && !caller.hasScope(Scopes.APPLICATIONS_WRITE)) {
            throw ApiException.forbidden("Converting with a jobId creates an application: the applications:write scope is needed too");
        }
        boolean contact = PiiRedaction.showsContact(caller.scopes());
        return prospects.convert(caller.organizationId(), id, jobId, JsonFields.text(body, "stageId"))
                .map(c -> RestResponse.status(Response.Status.CREATED, Envelope.of(ConversionView.of(c, contact))));
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.PROSPECTS_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.NewNote.class)))
    public Uni<RestResponse<Envelope<NoteView>>> addNote(@PathParam("id") String id, JsonNode json) {
        String body = JsonFields.text(JsonFields.object(json, "body"), "body");
        String author = caller.userId() != null ? caller.userId() : caller.keyPrefix();
        return notes.addToProspect(caller.organizationId(), id, body, author)
                .map(n -> RestResponse.status(Response.Status.CREATED, Envelope.of(NoteView.of(n))));
    }

    @GET
    @Path("/{id}/notes")
    @RolesAllowed(Scopes.PROSPECTS_READ)
    public Uni<Envelope<List<NoteView>>> listNotes(@PathParam("id") String id, @QueryParam("page") String page,
                                                   @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest request = PageRequest.parse(page, limit, cursor, paging);
        return notes.listOfProspect(caller.organizationId(), id, request).map(l -> l.map(NoteView::of).envelope(request));
    }

    private static ProspectService.Fields fields(ObjectNode body) {
        return new ProspectService.Fields(JsonFields.text(body, "firstName"), JsonFields.text(body, "lastName"),
                JsonFields.text(body, "email"), JsonFields.text(body, "phone"), JsonFields.text(body, "source"),
                JsonFields.strings(body, "tags"), JsonFields.text(body, "linkedinUrl"));
    }
}
