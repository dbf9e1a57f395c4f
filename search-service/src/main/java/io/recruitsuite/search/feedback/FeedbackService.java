package io.recruitsuite.search.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.events.EventPayload.FeedbackSubmitted;
import io.recruitsuite.common.events.Events;
import io.recruitsuite.common.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Relevance feedback on a result: stored, and published as {@code feedback.submit} in the same transaction. */
@ApplicationScoped
public class FeedbackService {

    @Inject
    Pool pool;
    @Inject
    ObjectMapper mapper;

    public Uni<Void> submit(String org, String documentId, boolean relevant, String keyPrefix) {
        return pool.withTransaction(tx -> tx.preparedQuery("insert into search_feedback (organization_id, document_id, is_relevant, key_prefix) "
                        + "select $1, $2, $3, $4 where exists (select 1 from search_documents where organization_id = $1 and id = $2)")
                .execute(Tuple.of(org, documentId, relevant, keyPrefix))
                .chain(rows -> rows.rowCount() == 0
                        ? Uni.createFrom().failure(ApiException.notFound("Document"))
                        : new Outbox(mapper).append(tx, Events.FEEDBACK_SUBMIT, org, new FeedbackSubmitted(documentId, relevant))));
    }
}
