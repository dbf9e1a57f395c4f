package io.recruitsuite.candidate.api;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import io.recruitsuite.common.api.Envelope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.candidate.api.CandidateViews.CandidateFull;
import io.recruitsuite.candidate.api.CandidateViews.CandidateSummary;
import io.recruitsuite.candidate.candidates.CandidateFilter;
import io.recruitsuite.candidate.candidates.CandidateService;
import io.recruitsuite.candidate.candidates.CandidateService.NewCandidate;
import io.recruitsuite.candidate.candidates.CandidateService.NewDocument;
import io.recruitsuite.candidate.api.CandidateViews.DocumentSummary;
import io.recruitsuite.candidate.api.HiringViews.NoteView;
import io.recruitsuite.candidate.candidates.CandidateRules;
import io.recruitsuite.candidate.documents.CvUploads;
import io.recruitsuite.candidate.documents.DocumentRules;
import io.recruitsuite.candidate.notes.NoteService;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.candidate.paging.PagingConfig;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.security.Caller;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.BooleanSupplier;
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
import jakarta.ws.rs.core.Context;
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
    @Inject
    CvUploads uploads;
    @Inject
    NoteService notes;

    /** {@code POST /api/v1/candidates} body; {@code cvText} (with an optional filename) attaches a CV given as text. */
    public record CreateCandidate(String name, String email, String phone, List<String> tags, String cvText, String filename,
                                  String firstName, String lastName) {
    }

    @GET
    @RolesAllowed(Scopes.CANDIDATES_READ)
    public Uni<Envelope<List<CandidateSummary>>> list(@QueryParam("page") String page, @QueryParam("limit") String limit,
                                                      @QueryParam("cursor") String cursor, @QueryParam("search") String search,
                                                      @QueryParam("tag") String tag, @QueryParam("createdAfter") String createdAfter,
                                                      @QueryParam("stage") String stage, @QueryParam("job") String job) {
        PageRequest request = PageRequest.parse(page, limit, cursor, paging);
        CandidateFilter filter = CandidateFilter.parse(search, tag, createdAfter, job, stage);
        return service.list(caller.organizationId(), filter, request).map(listing -> listing.map(CandidateSummary::of).envelope(request));
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
        return service.create(caller.organizationId(), new NewCandidate(body.name(), body.firstName(), body.lastName(), body.email(), body.phone(),
                        body.tags()), cv)
                .map(d -> RestResponse.status(Response.Status.CREATED, Envelope.of(CandidateFull.of(d))));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.CANDIDATES_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.CandidateChanges.class)))
    public Uni<Envelope<CandidateFull>> update(@PathParam("id") String id, JsonNode body) {
        ObjectNode patch = JsonFields.object(body, "name", "email", "phone", "tags", "firstName", "lastName");
        CandidateService.Changes changes = new CandidateService.Changes(
                text(patch, "name"), text(patch, "email"), text(patch, "phone"), tags(patch),
                patch.has("name"), patch.has("email"), patch.has("phone"), patch.has("tags"),
                text(patch, "firstName"), text(patch, "lastName"), patch.has("firstName"), patch.has("lastName"));
        return service.update(caller.organizationId(), id, changes).map(d -> Envelope.of(CandidateFull.of(d)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Scopes.CANDIDATES_WRITE)
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id) {
        return service.delete(caller.organizationId(), id).map(v -> RestResponse.noContent());
    }

    /** A new candidate from a CV file; name and email come from the CV unless the form gives them. */
    @POST
    @Path("/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Scopes.CANDIDATES_WRITE)
    public Uni<RestResponse<Envelope<CandidateFull>>> upload(@RestForm("file") FileUpload file, @RestForm("name") String name,
                                                           @RestForm("email") String email, @RestForm("phone") String phone,
                                                           @Context HttpServerRequest request) {
        String organizationId = caller.organizationId();
        return uploads.extract(organizationId, upload(file), clientGone(request))
                .chain(cv -> {
                    String candidateName = name != null && !name.isBlank() ? name : cv.found().name();
                    if (candidateName == null) {
                        throw ApiException.validation("name: not found in the CV; send it as the form field 'name'");
                    }
                    String candidateEmail = email != null && !email.isBlank() ? email : usableEmail(cv.found().email());
                    return service.create(organizationId, new NewCandidate(candidateName, candidateEmail, phone, List.of()), cv.document());
                })
                .map(d -> RestResponse.status(Response.Status.CREATED, Envelope.of(CandidateFull.of(d))));
    }

    @POST
    @Path("/{id}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Scopes.CANDIDATES_WRITE)
    public Uni<RestResponse<Envelope<DocumentSummary>>> addDocument(@PathParam("id") String id, @RestForm("file") FileUpload file,
                                                                  @Context HttpServerRequest request) {
        String organizationId = caller.organizationId();
        CvUploads.Upload upload = upload(file);
        return service.require(organizationId, id)
                .chain(c -> uploads.extract(organizationId, upload, clientGone(request)))
                .chain(cv -> service.addDocument(organizationId, id, cv.document()))
                .map(d -> RestResponse.status(Response.Status.CREATED, Envelope.of(DocumentSummary.of(d))));
    }

    @GET
    @Path("/{id}/documents")
    @RolesAllowed(Scopes.CANDIDATES_READ)
    public Uni<Envelope<List<DocumentSummary>>> documents(@PathParam("id") String id) {
        return service.get(caller.organizationId(), id)
                .map(d -> Envelope.of(d.documents().stream().map(DocumentSummary::of).toList()));
    }

    /** Deletes one CV document of the candidate (search forgets it through the document.deleted event); the candidate stays. */
    @DELETE
    @Path("/{id}/documents/{documentId}")
    @RolesAllowed(Scopes.CANDIDATES_WRITE)
    public Uni<RestResponse<Void>> deleteDocument(@PathParam("id") String id, @PathParam("documentId") String documentId) {
        return service.deleteDocument(caller.organizationId(), id, documentId).map(v -> RestResponse.noContent());
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.CANDIDATES_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.NewNote.class)))
    public Uni<RestResponse<Envelope<NoteView>>> addNote(@PathParam("id") String id, JsonNode json) {
        String body = JsonFields.text(JsonFields.object(json, "body"), "body");
        String author = caller.userId() != null ? caller.userId() : caller.keyPrefix();
        return notes.add(caller.organizationId(), id, body, author)
                .map(n -> RestResponse.status(Response.Status.CREATED, Envelope.of(NoteView.of(n))));
    }

    @GET
    @Path("/{id}/notes")
    @RolesAllowed(Scopes.CANDIDATES_READ)
    public Uni<Envelope<List<NoteView>>> listNotes(@PathParam("id") String id, @QueryParam("page") String page,
                                                   @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest request = PageRequest.parse(page, limit, cursor, paging);
        return notes.list(caller.organizationId(), id, request).map(l -> l.map(NoteView::of).envelope(request));
    }

    private static CvUploads.Upload upload(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.validation("file: required (a multipart/form-data part named 'file')");
        }
        return new CvUploads.Upload(file.fileName(), file.contentType(), file.size(), file.uploadedFile());
    }

    /** An address found in a CV is a guess: one that fails our rules is dropped rather than failing the upload. */
    private static String usableEmail(String found) {
        try {
            return CandidateRules.email(found);
        } catch (ApiException e) {
            return null;
        }
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

    /** Whether the client has gone away: reading its file then stops. */
    private static BooleanSupplier clientGone(HttpServerRequest request) {
        return () -> request.response().closed();
    }
}
