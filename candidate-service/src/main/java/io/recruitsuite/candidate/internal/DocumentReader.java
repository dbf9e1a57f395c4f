package io.recruitsuite.candidate.internal;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.recruitsuite.candidate.applications.ApplicationRepository;
import io.recruitsuite.candidate.candidates.Candidate;
import io.recruitsuite.candidate.candidates.CandidateRepository;
import io.recruitsuite.candidate.documents.Document;
import io.recruitsuite.candidate.documents.DocumentRepository;
import io.recruitsuite.common.events.EventEnvelope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/** Reads documents with what the search index shows of their candidate; every query is scoped by the organization. */
@ApplicationScoped
public class DocumentReader {

    @Inject
    DocumentRepository documents;
    @Inject
    CandidateRepository candidates;
    @Inject
    ApplicationRepository applications;

    /** The document, or null when the organization has no such document (never uploaded, or erased). */
    @WithSession
    public Uni<DocumentForIndex> one(String organizationId, String documentId) {
        return documents.findById(organizationId, documentId)
                .chain(d -> d == null ? Uni.createFrom().nullItem() : withCandidate(organizationId, d, true));
    }

    /** One page of a listing: the documents, the last id read (where the next page starts) and whether more follow. */
    public record Page(List<DocumentForIndex> documents, String lastId, boolean hasMore) {
    }

    /** Up to {@code limit} documents after {@code afterId} in id order, each with its candidate (one page of a reindex). */
    @WithSession
    public Uni<Page> page(String organizationId, String afterId, int limit, boolean withText) {
        return documents.pageAfter(organizationId, afterId, limit + 1).chain(rows -> {
            boolean more = rows.size() > limit;
            List<Document> page = more ? rows.subList(0, limit) : rows;
            String last = page.isEmpty() ? afterId : page.get(page.size() - 1).id();
            Uni<List<DocumentForIndex>> out = Uni.createFrom().item(new ArrayList<>(page.size()));
            for (Document d : page) {
                out = out.chain(list -> withCandidate(organizationId, d, withText).map(view -> {
                    if (view != null) {
                        list.add(view);
                    }
                    return list;
                }));
            }
            return out.map(list -> new Page(list, last, more));
        });
    }

    private Uni<DocumentForIndex> withCandidate(String organizationId, Document d, boolean withText) {
        return candidates.findById(organizationId, d.candidateId()).chain(c -> c == null ? Uni.createFrom().<DocumentForIndex>nullItem()
                : applications.position(organizationId, c.id()).map(position -> view(c, d, position.stage(), position.jobIds(), withText)));
    }

    private static DocumentForIndex view(Candidate c, Document d, String stage, List<String> jobIds, boolean withText) {
        return new DocumentForIndex(d.id(), c.id(), d.filename(), d.fileType(), d.fileSize(), d.wordCount(),
                EventEnvelope.format(d.uploadedAt().toInstant()), c.name(), c.email(), c.tags(), stage, jobIds,
                withText ? d.text() : null);
    }
}
