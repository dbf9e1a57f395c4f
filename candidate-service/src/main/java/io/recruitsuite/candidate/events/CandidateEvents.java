package io.recruitsuite.candidate.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.recruitsuite.candidate.applications.PipelinePosition;
import io.recruitsuite.candidate.candidates.Candidate;
import io.recruitsuite.candidate.documents.Document;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.EventPayload.CandidateCreated;
import io.recruitsuite.common.events.EventPayload.CandidateDeleted;
import io.recruitsuite.common.events.EventPayload.CandidateUpdated;
import io.recruitsuite.common.events.EventPayload.DocumentDeleted;
import io.recruitsuite.common.events.EventPayload.DocumentUpdated;
import io.recruitsuite.common.events.EventPayload.DocumentUploaded;
import io.recruitsuite.common.events.Events;
import io.recruitsuite.common.outbox.SessionOutbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Domain events of the candidate-service, appended to the outbox in the transaction of the change (the current reactive session's).
 * Document events carry everything the search index needs (including the text), so the
 * search-service never calls back; the webhook-service forwards only public fields.
 */
@ApplicationScoped
public class CandidateEvents {

    private final SessionOutbox outbox;

    @Inject
    public CandidateEvents(ObjectMapper mapper) {
        this.outbox = new SessionOutbox(mapper);
    }

    public Uni<Void> candidateCreated(Candidate c) {
        return outbox.append(Events.CANDIDATE_CREATED, c.organizationId(),
                new CandidateCreated(c.id(), c.name(), c.email(), c.phone(), c.tags()));
    }

    public Uni<Void> candidateUpdated(Candidate c, List<String> changedFields) {
        return outbox.append(Events.CANDIDATE_UPDATED, c.organizationId(),
                new CandidateUpdated(c.id(), c.name(), c.email(), c.phone(), c.tags(), changedFields));
    }

    /**
     * The erasure's event, and the erasure of the candidate's events this service still keeps: the published outbox rows
     * about the candidate (kept {@code outbox.retention} for diagnosis) are deleted in the same transaction, so its contact
     * details stay only on the topic, whose retention bounds them (docs/security.md, the data map). Rows not yet published
     * stay: they still have to reach the consumers, and leave the table {@code outbox.retention} after they did.
     */
    public Uni<Void> candidateDeleted(Candidate c, List<Document> documents) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from outbox where record_key = :org "
                                + "and published_at is not null and cast(payload as jsonb) #>> '{data,candidateId}' = :candidate")
                        .setParameter("org", c.organizationId()).setParameter("candidate", c.id()).executeUpdate())
                .chain(() -> outbox.append(Events.CANDIDATE_DELETED, c.organizationId(),
                        new CandidateDeleted(c.id(), documents.stream().map(Document::id).toList())));
    }

    public Uni<Void> documentUploaded(Candidate c, Document d) {
        return documentUploaded(c, d, PipelinePosition.NONE);
    }

    /**
     * The upload, with the candidate's pipeline position so that search can filter the new CV by stage and job at once.
     * Neither the CV text nor the email goes on the topic: search fetches them from {@code /internal/v1/organizations/…/documents}.
     */
    public Uni<Void> documentUploaded(Candidate c, Document d, PipelinePosition position) {
        return outbox.append(Events.DOCUMENT_UPLOAD, c.organizationId(), new DocumentUploaded(d.id(), d.filename(), c.name(),
                d.fileSize(), c.id(), d.fileType(), d.wordCount(), EventEnvelope.format(d.uploadedAt().toInstant()),
                c.tags(), position.stage(), position.jobIds()));
    }

    /** A document's searchable attributes changed (tags or pipeline stage): one event per document. */
    public Uni<Void> documentUpdated(Candidate c, List<Document> documents, String field, Object oldValue, Object newValue) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Document d : documents) {
            @SuppressWarnings("unchecked")
            List<String> tags = DocumentUpdated.TAGS.equals(field) ? (List<String>) newValue : null;
            DocumentUpdated data = new DocumentUpdated(d.id(), c.id(), field, oldValue, newValue, tags);
            chain = chain.chain(() -> outbox.append(Events.DOCUMENT_UPDATE, c.organizationId(), data));
        }
        return chain;
    }

    /**
     * A document was deleted on its own (the candidate stays). As with a candidate's erasure, the published outbox rows naming
     * the document (its upload, with the file name) are deleted in the same transaction; rows not yet published stay.
     */
    public Uni<Void> documentDeleted(Candidate c, Document d) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from outbox where record_key = :org "
                                + "and published_at is not null and cast(payload as jsonb) #>> '{data,documentId}' = :document")
                        .setParameter("org", c.organizationId()).setParameter("document", d.id()).executeUpdate())
                .chain(() -> outbox.append(Events.DOCUMENT_DELETED, c.organizationId(), new DocumentDeleted(d.id(), c.id())));
    }
}
