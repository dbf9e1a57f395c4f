package io.recruitsuite.candidate.internal;

import io.recruitsuite.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The search-service's read of CVs (never routed by the gateway; {@link DocumentReaderOnly}): the CV text is fetched
 * here when a {@code document.upload} is indexed and when an organization's index is rebuilt, so no event carries it.
 * A document erased meanwhile is a 404, and is then simply not indexed.
 */
@Path("/internal/v1/organizations/{organizationId}/documents")
@DocumentReaderOnly
@Produces(MediaType.APPLICATION_JSON)
public class InternalDocumentsResource {

    static final int MAX_ID = 100;

    @Inject
    DocumentReader reader;
    @ConfigProperty(name = "candidates.internal.documents-page-limit", defaultValue = "50")
    int maxLimit;

    @GET
    @Path("/{documentId}")
    public Uni<Map<String, DocumentForIndex>> one(@PathParam("organizationId") String organizationId,
                                                  @PathParam("documentId") String documentId) {
        validate("organizationId", organizationId);
        validate("documentId", documentId);
        return reader.one(organizationId, documentId).map(d -> {
            if (d == null) {
                throw ApiException.notFound("Document");
            }
            return Map.of("data", d);
        });
    }

    /**
     * One page in id order after {@code after} (keyset: stable while documents come and go); {@code text=false} leaves the
     * text out. {@code meta.hasMore} and {@code meta.after} (the last id) lead to the next page.
     */
    @GET
    public Uni<Map<String, Object>> page(@PathParam("organizationId") String organizationId, @QueryParam("after") String after,
                                         @QueryParam("limit") Integer limit, @QueryParam("text") Boolean text) {
        validate("organizationId", organizationId);
        if (after != null) {
            validate("after", after);
        }
        int size = limit == null ? maxLimit : limit;
        if (size < 1 || size > maxLimit) {
            throw ApiException.validation("limit: 1 to " + maxLimit);
        }
        return reader.page(organizationId, after, size, text == null || text).map(page -> {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("after", page.lastId());
            meta.put("hasMore", page.hasMore());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("data", page.documents());
            out.put("meta", meta);
            return out;
        });
    }

    private static void validate(String name, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_ID || value.indexOf('\0') >= 0) {
            throw ApiException.validation(name + ": 1 to " + MAX_ID + " characters");
        }
    }
}
