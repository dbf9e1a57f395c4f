package io.recruitsuite.candidate.documents;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.recruitsuite.common.persistence.OrganizationScopedRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
@WithSession
public class DocumentRepository extends OrganizationScopedRepository<Document> {

    public DocumentRepository() {
        super(Document.class);
    }

    /** The candidate's documents, newest first. */
    public Uni<List<Document>> listByCandidate(String organizationId, String candidateId) {
        return list(organizationId, "candidateId = :candidateId", "uploadedAt desc, id desc", Parameters.with("candidateId", candidateId));
    }

    /** The organization's documents after {@code afterId} in id order (keyset), at most {@code limit}: the search reindex reads them so. */
    public Uni<List<Document>> pageAfter(String organizationId, String afterId, int limit) {
        return afterId == null ? list(organizationId, null, "id", null, 0, limit)
                : list(organizationId, "id > :after", "id", Parameters.with("after", afterId), 0, limit);
    }

    /** The document, when it is one of this candidate's in this organization. */
    public Uni<Document> findOfCandidate(String organizationId, String candidateId, String documentId) {
        return single(organizationId, "id = :id and candidateId = :candidateId",
                Parameters.with("id", documentId).and("candidateId", candidateId));
    }

    public Uni<Boolean> deleteById(String organizationId, String id) {
        return delete(organizationId, "id = :id", Parameters.with("id", id)).map(deleted -> deleted > 0);
    }
}
