package io.recruitsuite.search.indexing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.EventPayload.ApplicationCreated;
import io.recruitsuite.common.events.EventPayload.CandidateDeleted;
import io.recruitsuite.common.events.EventPayload.CandidateUpdated;
import io.recruitsuite.common.events.EventPayload.DocumentDeleted;
import io.recruitsuite.common.events.EventPayload.DocumentUpdated;
import io.recruitsuite.common.events.EventPayload.DocumentUploaded;
import io.recruitsuite.common.events.Events;
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
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Applies candidate and document events to the index, each exactly once: the event id is recorded
 * in the same transaction as its effect, together with the event's position in the topic. Embedding
 * happens before the transaction, on the bounded indexing pool ({@link IndexingWorkers}), so neither
 * the event loop, a database connection nor the worker threads that embed search queries wait for it.
 * <p>
 * {@link #prepareAll} starts that embedding as soon as events are read, so while one CV's transaction
 * runs (round trips, index maintenance, the commit's flush) the model already embeds the next ones;
 * {@link #apply(Prepared, Source)} still applies events strictly in their order.
 * <p>
 * A {@link #replay} (reindex) applies an event again even if it was applied before: every effect is
 * idempotent (upsert, delete, set), so re-applying an organization's events in order rebuilds its index.
 */
@ApplicationScoped
public class Indexer {

    @Inject
    ObjectMapper mapper;
    @Inject
    IndexRepository index;
    @Inject
    EmbeddingProvider embeddings;
    @Inject
    SearchConfig config;
    @Inject
    IndexingWorkers workers;

    private Chunker chunker;
    private CvText cvText;

    /** Where an event sits in the candidate-events topic. */
    public record Source(int partition, long offset) {
    }

    private enum Mode { LIVE, REPLAY }

    @PostConstruct
    void init() {
        chunker = new Chunker(config.chunkWords(), config.chunkOverlapWords());
        cvText = new CvText(config.text().boilerplate());
    }

    /**
     * An event read from the topic whose CV (for an upload) is being embedded on the indexing pool.
     * Applying it waits for that embedding; a failed embedding is done again on the next try.
     */
    public final class Prepared {
        private final EventEnvelope event;
        private final Upload upload;
        private final CompletableFuture<List<float[]>> vectors;
        private final RuntimeException unreadable;

        private Prepared(EventEnvelope event, Upload upload, CompletableFuture<List<float[]>> vectors, RuntimeException unreadable) {
            this.event = event;
            this.upload = upload;
            this.vectors = vectors;
            this.unreadable = unreadable;
        }

        public EventEnvelope event() {
            return event;
        }

        Uni<List<float[]>> vectors() {
            return Uni.createFrom().completionStage(vectors).onFailure().recoverWithUni(() -> embed(upload));
        }
    }

    /** A CV to index: the document row, its text split into passages, and the text its keyword terms come from. */
    private record Upload(IndexedDocument doc, List<String> chunks, String keywordText) {
    }

    /** Reads one event and, for a CV upload, queues its embedding on the indexing pool now. */
    public Prepared prepare(EventEnvelope event) {
        return prepareAll(List.of(event)).get(0);
    }

    /**
     * Reads events in their order and queues the embedding of their CVs on the indexing pool now:
     * consecutive CVs share one call to the model of at most {@code search.embedding-batch} passages
     * (the model embeds a batch faster than the same passages one small call at a time). An upload
     * whose fields cannot be read fails when applied.
     */
    public List<Prepared> prepareAll(List<EventEnvelope> events) {
        List<Prepared> prepared = new ArrayList<>(events.size());
        List<Upload> group = new ArrayList<>();
        List<CompletableFuture<List<float[]>>> groupVectors = new ArrayList<>();
        int groupPassages = 0;
        for (EventEnvelope event : events) {
            if (!EventTypes.DOCUMENT_UPLOAD.equals(event.type()) || isBlank(event.organizationId())) {
                prepared.add(new Prepared(event, null, null, null));
                continue;
            }
            Upload upload;
            try {
                upload = upload(event.organizationId(), Events.data(mapper, event, Events.DOCUMENT_UPLOAD));
            } catch (RuntimeException unreadable) {
                prepared.add(new Prepared(event, null, null, unreadable));
                continue;
            }
            if (!group.isEmpty() && groupPassages + upload.chunks().size() > config.embeddingBatch()) {
                embedTogether(group, groupVectors);
                group = new ArrayList<>();
                groupVectors = new ArrayList<>();
                groupPassages = 0;
            }
            CompletableFuture<List<float[]>> vectors = new CompletableFuture<>();
            group.add(upload);
            groupVectors.add(vectors);
            groupPassages += upload.chunks().size();
            prepared.add(new Prepared(event, upload, vectors, null));
        }
        if (!group.isEmpty()) {
            embedTogether(group, groupVectors);
        }
        return prepared;
    }

    /** One call to the model for the passages of several CVs; each CV's future gets its own vectors. */
    private void embedTogether(List<Upload> uploads, List<CompletableFuture<List<float[]>>> futures) {
        List<String> passages = uploads.stream().flatMap(u -> u.chunks().stream()).toList();
        Runnable embed = () -> {
            try {
                List<float[]> vectors = passages.isEmpty() ? List.of() : embeddings.embedPassages(passages);
                int from = 0;
                for (int i = 0; i < uploads.size(); i++) {
                    int to = from + uploads.get(i).chunks().size();
                    futures.get(i).complete(List.copyOf(vectors.subList(from, to)));
                    from = to;
                }
            } catch (RuntimeException e) {
                futures.forEach(f -> f.completeExceptionally(e));
            }
        };
        try {
            workers.executor().execute(embed);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            futures.forEach(f -> f.completeExceptionally(shuttingDown));
        }
    }

    /** Applies an event the live consumer read at {@code source} (null when unknown), once. */
    public Uni<Void> apply(EventEnvelope event, Source source) {
        return apply(prepare(event), source);
    }

    /** Applies a prepared event the live consumer read at {@code source} (null when unknown), once. */
    public Uni<Void> apply(Prepared prepared, Source source) {
        return apply(prepared, Mode.LIVE, source);
    }

    /** Applies an event again, whether or not it was applied before (reindex). */
    public Uni<Void> replay(EventEnvelope event) {
        return Uni.createFrom().deferred(() -> apply(prepare(event), Mode.REPLAY, null));
    }

    private Uni<Void> apply(Prepared prepared, Mode mode, Source source) {
        if (prepared.unreadable != null) {
            return Uni.createFrom().failure(prepared.unreadable);
        }
        EventEnvelope event = prepared.event();
        UUID eventId = UUID.fromString(event.id());
        String org = event.organizationId();
        if (isBlank(org)) {
            return Uni.createFrom().voidItem();
        }
        Applier once = (effect) -> transaction(eventId, org, mode, source, effect);
        return switch (event.type()) {
            case EventTypes.DOCUMENT_UPLOAD -> prepared.vectors()
                    .chain(vectors -> once.apply(tx -> index.replaceDocument(tx, prepared.upload.doc(), prepared.upload.chunks(), vectors,
                            prepared.upload.keywordText())));
            case EventTypes.DOCUMENT_DELETED -> {
                DocumentDeleted deleted = Events.data(mapper, event, Events.DOCUMENT_DELETED);
                yield once.apply(tx -> index.deleteDocument(tx, org, deleted.documentId()));
            }
            case EventTypes.CANDIDATE_DELETED -> {
                CandidateDeleted deleted = Events.data(mapper, event, Events.CANDIDATE_DELETED);
                yield once.apply(tx -> index.deleteCandidate(tx, org, deleted.candidateId()));
            }
            case EventTypes.CANDIDATE_UPDATED -> {
                CandidateUpdated updated = Events.data(mapper, event, Events.CANDIDATE_UPDATED);
                yield once.apply(tx -> index.updateCandidate(tx, org, updated.candidateId(), updated.name(), updated.email(),
                        updated.tags() == null ? null : updated.tags().toArray(String[]::new)));
            }
            case EventTypes.DOCUMENT_UPDATE -> {
                DocumentUpdated updated = Events.data(mapper, event, Events.DOCUMENT_UPDATE);
                Object v = updated.newValue() instanceof List<?> values ? values.stream().map(String::valueOf).toArray(String[]::new)
                        : updated.newValue() == null ? null : String.valueOf(updated.newValue());
                yield once.apply(tx -> index.updateDocumentField(tx, org, updated.documentId(), updated.field(), v));
            }
            // the job filter: applications made after the CV was uploaded
            case EventTypes.APPLICATION_CREATED -> {
                ApplicationCreated created = Events.data(mapper, event, Events.APPLICATION_CREATED);
                yield once.apply(tx -> created.jobId() != null ? index.addJob(tx, org, created.candidateId(), created.jobId())
                        : Uni.createFrom().voidItem());
            }
            // events that do not touch the index still advance the organization's position
            default -> once.apply(tx -> Uni.createFrom().voidItem());
        };
    }

    private interface Applier {
        Uni<Void> apply(Function<SqlClient, Uni<?>> effect);
    }

    private Upload upload(String org, DocumentUploaded data) {
        String text = data.text() == null ? "" : data.text();
        if (text.length() > config.maxTextChars()) {
            text = text.substring(0, config.maxTextChars());
        }
        text = cvText.normalise(text);
        List<String> chunks = chunker.split(text);
        IndexedDocument doc = new IndexedDocument(data.documentId(), org, data.candidateId(), data.filename(), data.candidateName(),
                data.candidateEmail(), data.fileType(), data.fileSize(), data.wordCount(),
                data.uploadedAt() != null ? OffsetDateTime.parse(data.uploadedAt()) : OffsetDateTime.now(),
                listOrEmpty(data.tags()), data.stage(), listOrEmpty(data.jobIds()));
        return new Upload(doc, chunks, cvText.forKeywords(text));
    }

    private Uni<List<float[]>> embed(Upload upload) {
        return Uni.createFrom().item(() -> upload.chunks().isEmpty() ? List.<float[]>of() : embeddings.embedPassages(upload.chunks()))
                .runSubscriptionOn(workers.executor());
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

    private static List<String> listOrEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isEmpty();
    }
}
