package io.recruitsuite.search.indexing;

import com.fasterxml.jackson.databind.JsonNode;
import io.recruitsuite.common.events.EventTypes;
import io.recruitsuite.search.SearchConfig;
import io.recruitsuite.search.embedding.EmbeddingProvider;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies candidate and document events to the index, each exactly once: the event id is recorded
 * in the same transaction as its effect. Embedding happens before the transaction, on a worker
 * thread, so neither the event loop nor a database connection waits for the model.
 */
@ApplicationScoped
public class Indexer {

    @Inject
    IndexRepository index;
    @Inject
    EmbeddingProvider embeddings;
    @Inject
    SearchConfig config;

    private Chunker chunker;

    @PostConstruct
    void init() {
        chunker = new Chunker(config.chunkWords(), config.chunkOverlapWords());
    }

    public Uni<Void> apply(JsonNode event) {
        UUID eventId = UUID.fromString(event.path("id").asText());
        String org = event.path("organizationId").asText();
        JsonNode data = event.path("data");
        if (org.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return switch (event.path("type").asText()) {
            case EventTypes.DOCUMENT_UPLOAD -> upload(eventId, org, data);
            case EventTypes.DOCUMENT_DELETED -> once(eventId, tx -> index.deleteDocument(tx, org, data.path("documentId").asText()));
            case EventTypes.CANDIDATE_DELETED -> once(eventId, tx -> index.deleteCandidate(tx, org, data.path("candidateId").asText()));
            case EventTypes.CANDIDATE_UPDATED -> once(eventId, tx -> index.updateCandidate(tx, org, data.path("candidateId").asText(),
                    text(data, "name"), data.has("email") ? text(data, "email") : null,
                    data.has("tags") ? strings(data.path("tags")) : null));
            case EventTypes.DOCUMENT_UPDATE -> once(eventId, tx -> {
                String field = data.path("field").asText();
                JsonNode value = data.path("newValue");
                Object v = value.isArray() ? strings(value) : value.isNull() ? null : value.asText();
                return index.updateDocumentField(tx, org, data.path("documentId").asText(), field, v);
            });
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> upload(UUID eventId, String org, JsonNode data) {
        String text = data.path("text").asText("");
        if (text.length() > config.maxTextChars()) {
            text = text.substring(0, config.maxTextChars());
        }
        List<String> chunks = chunker.split(text);
        IndexedDocument doc = new IndexedDocument(data.path("documentId").asText(), org, data.path("candidateId").asText(),
                data.path("filename").asText(), text(data, "candidateName"), text(data, "candidateEmail"), text(data, "fileType"),
                data.path("fileSize").asLong(), data.path("wordCount").asInt(),
                data.hasNonNull("uploadedAt") ? OffsetDateTime.parse(data.path("uploadedAt").asText()) : OffsetDateTime.now(),
                List.of(strings(data.path("tags"))), text(data, "stage"), List.of(strings(data.path("jobIds"))));
        return Uni.createFrom().item(() -> chunks.isEmpty() ? List.<float[]>of() : embeddings.embedPassages(chunks))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(vectors -> once(eventId, tx -> index.replaceDocument(tx, doc, chunks, vectors)));
    }

    private Uni<Void> once(UUID eventId, java.util.function.Function<io.vertx.mutiny.sqlclient.SqlClient, Uni<?>> effect) {
        return index.pool().withTransaction(tx -> index.markProcessed(tx, eventId)
                .chain(fresh -> fresh ? effect.apply(tx).replaceWithVoid() : Uni.createFrom().voidItem()));
    }

    private static String text(JsonNode data, String field) {
        JsonNode v = data.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String[] strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out.toArray(String[]::new);
    }
}
