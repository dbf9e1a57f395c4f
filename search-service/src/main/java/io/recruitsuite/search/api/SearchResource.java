package io.recruitsuite.search.api;

import io.recruitsuite.common.api.Envelope;
import io.recruitsuite.common.api.PageMeta;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.security.Caller;
import io.recruitsuite.common.security.ContactDetails;
import io.recruitsuite.common.security.Scopes;
import io.recruitsuite.search.feedback.FeedbackService;
import io.recruitsuite.search.query.SearchRequest;
import io.recruitsuite.search.query.SearchResult;
import io.recruitsuite.search.query.SearchService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    Caller caller;
    @Inject
    SearchService search;
    @Inject
    FeedbackService feedback;

    public record Feedback(String documentId, Boolean isRelevant) {
    }

    @POST
    @RolesAllowed(Scopes.SEARCH_READ)
    public Uni<Envelope<List<SearchResult>>> search(SearchRequest request) {
        SearchService.Query query = search.validate(request);
        String org = caller.organizationId();
        return search.searchAndRecord(org, query, ContactDetails.shownTo(caller.scopes()))
                .map(page -> Envelope.of(page.results(), PageMeta.pages(page.page(), page.limit(), page.total())));
    }

    @POST
    @Path("/feedback")
    @RolesAllowed(Scopes.SEARCH_READ)
    public Uni<Map<String, Object>> feedback(Feedback body) {
        if (body == null || body.documentId() == null || body.documentId().isBlank() || body.documentId().length() > 100) {
            throw ApiException.validation("documentId: String must contain at least 1 character(s)");
        }
        if (body.isRelevant() == null) {
            throw ApiException.validation("isRelevant: must be true or false");
        }
        return feedback.submit(caller.organizationId(), body.documentId(), body.isRelevant(), caller.keyPrefix())
                .map(v -> Map.of("data", Map.of("documentId", body.documentId(), "isRelevant", body.isRelevant())));
    }
}
