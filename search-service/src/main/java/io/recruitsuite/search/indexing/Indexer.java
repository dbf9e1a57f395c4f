package io.recruitsuite.search.indexing;

import com.fasterxml.jackson.databind.JsonNode;
import io.recruitsuite.common.events.EventTypes;
import io.recruitsuite.search.SearchConfig;
import io.recruitsuite.search.embedding.EmbeddingProvider;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Applies candidate and document events to the index, each exactly once: the event id is recorded
 * in the same transaction as its effect, together with the event's position in the topic. Embedding
 * happens before the transaction, on the bounded indexing pool ({@link IndexingWorkers}), so neither
 * the event loop, a database connection nor the worker threads that embed search queries wait for it.
 * <p>
 * A {@link #replay} (reindex) applies an event again even if it was applied before: every effect is
 * idempotent (upsert, delete, set), so re-applying an organization's events in order rebuilds its index.
 */
@ApplicationScoped
public class Indexer {

    @Inject
    IndexRepository index;
    @Inject
    EmbeddingProvider embeddings;
    @Inject
    SearchConfig config;
    @Inject
    IndexingWorkers workers;

    private Chunker chunker;

    /** Where an event sits in the candidate-events topic. */
    public record Source(int partition, long offset) {
    }

    private enum Mode { LIVE, REPLAY }

    @PostConstruct
    void init() {
        chunker = new Chunker(config.chunkWords(), config.chunkOverlapWords());
    }

    /** Applies an event the live consumer read at {@code source} (null when unknown), once. */
    public Uni<Void> apply(JsonNode event, Source source) {
        return apply(event, Mode.LIVE, source);
    }

    /** Applies an event again, whether or not it was applied before (reindex). */
    public Uni<Void> replay(JsonNode event) {
        return apply(event, Mode.REPLAY, null);
    }

    private Uni<Void> apply(JsonNode event, Mode mode, Source source) {
        UUID eventId = UUID.fromString(event.path("id").asText());
        String org = event.path("organizationId").asText();
        JsonNode data = event.path("data");
        if (org.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Applier once = (effect) -> transaction(eventId, org, mode, source, effect);
        return switch (event.path("type").asText()) {
            case EventTypes.DOCUMENT_UPLOAD -> upload(org, data, once);
            case EventTypes.DOCUMENT_DELETED -> once.apply(tx -> index.deleteDocument(tx, org, data.path("documentId").asText()));
            case EventTypes.CANDIDATE_DELETED -> once.apply(tx -> index.deleteCandidate(tx, org, data.path("candidateId").asText()));
            case EventTypes.CANDIDATE_UPDATED -> once.apply(tx -> index.updateCandidate(tx, org, data.path("candidateId").asText(),
                    text(data, "name"), data.has("email") ? text(data, "email") : null,
                    data.has("tags") ? strings(data.path("tags")) : null));
            case EventTypes.DOCUMENT_UPDATE -> once.apply(tx -> {
                String field = data.path("field").asText();
                JsonNode value = data.path("newValue");
                Object v = value.isArray() ? strings(value) : value.isNull() ? null : value.asText();
                return index.updateDocumentField(tx, org, data.path("documentId").asText(), field, v);
            });
            // the job filter: applications made after the CV was uploaded
            case EventTypes.APPLICATION_CREATED -> once.apply(tx -> data.hasNonNull("jobId")
                    ? index.addJob(tx, org, data.path("candidateId").asText(), data.path("jobId").asText())
                    : Uni.createFrom().voidItem());
            // events that do not touch the index still advance the organization's position
            default -> once.apply(tx -> Uni.createFrom().voidItem());
        };
    }

    private interface Applier {
        Uni<Void> apply(Function<SqlClient, Uni<?>> effect);
    }

    private Uni<Void> upload(String org, JsonNode data, Applier once) {
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
                .runSubscriptionOn(workers.executor())
                .chain(vectors -> once.apply(tx -> index.replaceDocument(tx, doc, chunks, vectors)));
    }

    /**
     * LIVE: the effect runs only if the event id is new, and the organization's position advances,
     * under a shared lock that a finishing reindex takes exclusively. REPLAY: the effect always runs.
     */
    private Uni<Void> transaction(UUID eventId, String org, Mode mode, Source source, Function<SqlClient, Uni<?>> effect) {
        if (mode == Mode.REPLAY) {
            return index.pool().withTransaction(tx -> index.markProcessed(tx, eventId).chain(ignored -> effect.apply(tx)).replaceWithVoid());
        }
        return index.pool().withTransaction(tx -> index.lockOrganizationShared(tx, org)
                .chain(() -> index.markProcessed(tx, eventId))
                .chain(fresh -> fresh ? effect.apply(tx).replaceWithVoid() : Uni.createFrom().voidItem())
                .chain(() -> source == null ? Uni.createFrom().voidItem()
                        : index.recordPosition(tx, org, source.partition(), source.offset())));
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
