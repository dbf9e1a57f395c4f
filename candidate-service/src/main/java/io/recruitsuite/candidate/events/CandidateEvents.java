package io.recruitsuite.candidate.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.candidate.applications.PipelinePosition;
import io.recruitsuite.candidate.candidates.Candidate;
import io.recruitsuite.candidate.documents.Document;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.EventTypes;
import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Domain events of the candidate-service, appended to the outbox in the transaction of the change.
 * Document events carry everything the search index needs (including the text), so the
 * search-service never calls back; the webhook-service forwards only public fields.
 */
@ApplicationScoped
public class CandidateEvents {

    private final ObjectMapper mapper;
    private final Outbox outbox;

    @Inject
    public CandidateEvents(ObjectMapper mapper) {
        this.mapper = mapper;
        this.outbox = new Outbox(mapper);
    }

    public Uni<Void> candidateCreated(SqlClient tx, Candidate c) {
        return append(tx, EventTypes.CANDIDATE_CREATED, c.organizationId(), candidateData(c));
    }

    public Uni<Void> candidateUpdated(SqlClient tx, Candidate c, List<String> changedFields) {
        ObjectNode data = candidateData(c);
        data.set("changed", mapper.valueToTree(changedFields));
        return append(tx, EventTypes.CANDIDATE_UPDATED, c.organizationId(), data);
    }

    public Uni<Void> candidateDeleted(SqlClient tx, Candidate c, List<Document> documents) {
        ObjectNode data = mapper.createObjectNode().put("candidateId", c.id());
        data.set("documentIds", mapper.valueToTree(documents.stream().map(Document::id).toList()));
        return append(tx, EventTypes.CANDIDATE_DELETED, c.organizationId(), data);
    }

    public Uni<Void> documentUploaded(SqlClient tx, Candidate c, Document d) {
        return documentUploaded(tx, c, d, PipelinePosition.NONE);
    }

    /** The upload, with the candidate's pipeline position so that search can filter the new CV by stage and job at once. */
    public Uni<Void> documentUploaded(SqlClient tx, Candidate c, Document d, PipelinePosition position) {
        ObjectNode data = mapper.createObjectNode()
                .put("documentId", d.id())
                .put("candidateId", c.id())
                .put("filename", d.filename())
                .put("candidateName", c.name())
                .put("candidateEmail", c.email())
                .put("fileSize", d.fileSize())
                .put("fileType", d.fileType())
                .put("wordCount", d.wordCount())
                .put("uploadedAt", EventEnvelope.format(d.uploadedAt().toInstant()))
                .put("text", d.text());
        data.set("tags", mapper.valueToTree(c.tags()));
        data.put("stage", position.stage());
        data.set("jobIds", mapper.valueToTree(position.jobIds()));
        return append(tx, EventTypes.DOCUMENT_UPLOAD, c.organizationId(), data);
    }

    /** A document's searchable attributes changed (tags or pipeline stage): one event per document. */
    public Uni<Void> documentUpdated(SqlClient tx, Candidate c, List<Document> documents, String field, Object oldValue, Object newValue) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Document d : documents) {
            ObjectNode data = mapper.createObjectNode()
                    .put("documentId", d.id())
                    .put("candidateId", c.id())
                    .put("field", field);
            data.set("oldValue", mapper.valueToTree(oldValue));
            data.set("newValue", mapper.valueToTree(newValue));
            if ("tags".equals(field)) {
                data.set("tags", mapper.valueToTree(newValue));
            }
            chain = chain.chain(() -> append(tx, EventTypes.DOCUMENT_UPDATE, c.organizationId(), data));
        }
        return chain;
    }

    private ObjectNode candidateData(Candidate c) {
        ObjectNode data = mapper.createObjectNode()
                .put("candidateId", c.id())
                .put("name", c.name())
                .put("email", c.email())
                .put("phone", c.phone());
        data.set("tags", mapper.valueToTree(c.tags()));
        return data;
    }

    private Uni<Void> append(SqlClient tx, String type, String organizationId, ObjectNode data) {
        return outbox.append(tx, Topics.CANDIDATE_EVENTS, EventEnvelope.create(type, organizationId, data));
    }
}
