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
import io.recruitsuite.search.candidates.CandidateDocument;
import io.recruitsuite.search.candidates.CandidateDocuments;
import io.recruitsuite.search.embedding.EmbeddingProvider;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * A {@code document.upload} carries no CV text: the text (and the contact a result shows) is fetched from the
 * candidate-service's document reader ({@link CandidateDocuments}) when the event is read, for every upload of a poll at
 * once. A document the candidate-service no longer has was erased since: the event is applied as a no-op, and a later
 * {@code candidate.deleted} or {@code document.deleted} in the topic removes anything an earlier fetch wrote.
 * {@link #reindex} writes documents read from the candidate-service's listing (the operator's rebuild).
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
    @Inject
    CandidateDocuments documents;

    private Chunker chunker;
    private CvText cvText;

    /** Where an event sits in the candidate-events topic. */
    public record Source(int partition, long offset) {
    }

    @PostConstruct
    void init() {
        chunker = new Chunker(config.chunkWords(), config.chunkOverlapWords());
        cvText = new CvText(config.text().boilerplate());
    }

    /**
     * An event read from the topic whose CV (for an upload) is being fetched and then embedded on the indexing pool.
     * Applying it waits for both; a failed fetch or embedding is done again on the next try.
     */
    public final class Prepared {
        private final EventEnvelope event;
        private final DocumentUploaded data;
        private final CompletableFuture<Optional<Upload>> upload;
        private final CompletableFuture<List<float[]>> vectors;
        private final RuntimeException unreadable;

        private Prepared(EventEnvelope event, DocumentUploaded data, CompletableFuture<Optional<Upload>> upload,
                         CompletableFuture<List<float[]>> vectors, RuntimeException unreadable) {
            this.event = event;
            this.data = data;
            this.upload = upload;
            this.vectors = vectors;
            this.unreadable = unreadable;
        }

        public EventEnvelope event() {
            return event;
        }

        /** The CV fetched when the event was read, or fetched again if that failed; empty when it was erased since. */
        Uni<Optional<Upload>> upload() {
            return Uni.createFrom().completionStage(upload).onFailure().recoverWithUni(() -> fetch(event.organizationId(), data));
        }

        /** The vectors embedded ahead, or embedded now if that failed or the CV had to be fetched again. */
        Uni<List<float[]>> vectors(Upload fetched) {
            if (upload.isDone() && !upload.isCompletedExceptionally() && upload.join().orElse(null) == fetched) {
                return Uni.createFrom().completionStage(vectors).onFailure().recoverWithUni(() -> embed(fetched));
            }
            return embed(fetched);
        }
    }

    /** A CV to index: the document row, its text split into passages, and the text its keyword terms come from. */
    private record Upload(IndexedDocument doc, List<String> chunks, String keywordText) {
    }

    /** Reads one event and, for a CV upload, starts fetching and embedding it now. */
    public Prepared prepare(EventEnvelope event) {
        return prepareAll(List.of(event)).get(0);
    }

    /**
     * Reads events in their order and starts, for their CVs, the fetch from the candidate-service (all at once) and then
     * the embedding on the indexing pool: consecutive CVs share one call to the model of at most {@code search.embedding-batch}
     * passages (the model embeds a batch faster than the same passages one small call at a time). An upload whose fields
     * cannot be read fails when applied; one whose fetch failed is fetched again when applied.
     */
    public List<Prepared> prepareAll(List<EventEnvelope> events) {
        List<Prepared> prepared = new ArrayList<>(events.size());
        List<Prepared> uploads = new ArrayList<>();
        for (EventEnvelope event : events) {
            if (!EventTypes.DOCUMENT_UPLOAD.equals(event.type()) || isBlank(event.organizationId())) {
                prepared.add(new Prepared(event, null, null, null, null));
                continue;
            }
            DocumentUploaded data;
            try {
                data = Events.data(mapper, event, Events.DOCUMENT_UPLOAD);
                if (isBlank(data.documentId())) {
                    throw new IllegalArgumentException("document.upload without a documentId");
                }
            } catch (RuntimeException unreadable) {
                prepared.add(new Prepared(event, null, null, null, unreadable));
                continue;
            }
            Prepared p = new Prepared(event, data, fetch(event.organizationId(), data).subscribeAsCompletionStage(),
                    new CompletableFuture<>(), null);
            prepared.add(p);
            uploads.add(p);
        }
        if (!uploads.isEmpty()) {
            CompletableFuture.allOf(uploads.stream().map(p -> p.upload).toArray(CompletableFuture[]::new))
                    .whenComplete((ignored, failure) -> embedInBatches(uploads));
        }
        return prepared;
    }

    /** Once every fetch of a poll is done: the fetched CVs in batches of passages; the rest get no vectors ahead. */
    private void embedInBatches(List<Prepared> uploads) {
        List<Upload> group = new ArrayList<>();
        List<CompletableFuture<List<float[]>>> groupVectors = new ArrayList<>();
        int groupPassages = 0;
        for (Prepared p : uploads) {
            Upload upload = p.upload.isCompletedExceptionally() ? null : p.upload.join().orElse(null);
            if (upload == null) {
                p.vectors.completeExceptionally(new IllegalStateException("nothing fetched to embed"));
                continue;
            }
            if (!group.isEmpty() && groupPassages + upload.chunks().size() > config.embeddingBatch()) {
                embedTogether(group, groupVectors);
                group = new ArrayList<>();
                groupVectors = new ArrayList<>();
                groupPassages = 0;
            }
            group.add(upload);
            groupVectors.add(p.vectors);
            groupPassages += upload.chunks().size();
        }
        if (!group.isEmpty()) {
            embedTogether(group, groupVectors);
        }
    }

    /** The CV of an upload event from the candidate-service, ready to embed; empty when it no longer exists there. */
    private Uni<Optional<Upload>> fetch(String org, DocumentUploaded data) {
        return Uni.createFrom().deferred(() -> documents.one(org, data.documentId()))
                .map(found -> found.map(d -> upload(org, d)));
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
        return applyOnce(prepared, source);
    }

    /**
     * Writes documents read from the candidate-service's listing (a rebuild), whatever the index holds of them: their
     * passages are embedded in batches on the indexing pool, then each is written in a transaction of its own.
     */
    public Uni<Integer> reindex(String org, List<CandidateDocument> page) {
        List<Upload> uploads = page.stream().map(d -> upload(org, d)).toList();
        List<CompletableFuture<List<float[]>>> futures = uploads.stream().map(u -> new CompletableFuture<List<float[]>>()).toList();
        List<Upload> group = new ArrayList<>();
        List<CompletableFuture<List<float[]>>> groupVectors = new ArrayList<>();
        int groupPassages = 0;
        for (int i = 0; i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            if (!group.isEmpty() && groupPassages + upload.chunks().size() > config.embeddingBatch()) {
                embedTogether(group, groupVectors);
                group = new ArrayList<>();
                groupVectors = new ArrayList<>();
                groupPassages = 0;
            }
            group.add(upload);
            groupVectors.add(futures.get(i));
            groupPassages += upload.chunks().size();
        }
        if (!group.isEmpty()) {
            embedTogether(group, groupVectors);
        }
        Uni<Integer> written = Uni.createFrom().item(0);
        for (int i = 0; i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            CompletableFuture<List<float[]>> vectors = futures.get(i);
            written = written.chain(n -> Uni.createFrom().completionStage(vectors).onFailure().recoverWithUni(() -> embed(upload))
                    .chain(v -> index.pool().withTransaction(tx -> index.lockOrganizationShared(tx, org)
                            .chain(() -> index.replaceDocument(tx, upload.doc(), upload.chunks(), v, upload.keywordText()))))
                    .map(ignored -> n + 1));
        }
        return written;
    }

    private Uni<Void> applyOnce(Prepared prepared, Source source) {
        if (prepared.unreadable != null) {
            return Uni.createFrom().failure(prepared.unreadable);
        }
        EventEnvelope event = prepared.event();
        UUID eventId = UUID.fromString(event.id());
        String org = event.organizationId();
        if (isBlank(org)) {
            return Uni.createFrom().voidItem();
        }
        Applier once = (effect) -> transaction(eventId, org, source, effect);
        return switch (event.type()) {
            // erased since it was uploaded: nothing to index, the event still counts as applied
            case EventTypes.DOCUMENT_UPLOAD -> prepared.upload().chain(fetched -> fetched.isEmpty()
                    ? once.apply(tx -> Uni.createFrom().voidItem())
                    : prepared.vectors(fetched.get()).chain(vectors -> once.apply(tx -> index.replaceDocument(tx, fetched.get().doc(),
                            fetched.get().chunks(), vectors, fetched.get().keywordText()))));
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

    private Upload upload(String org, CandidateDocument data) {
        String text = data.text() == null ? "" : data.text();
        if (text.length() > config.maxTextChars()) {
            text = text.substring(0, config.maxTextChars());
        }
        text = cvText.normalise(text);
        List<String> chunks = chunker.split(text);
        IndexedDocument doc = new IndexedDocument(data.id(), org, data.candidateId(), data.filename(), data.candidateName(),
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
     * The effect runs only if the event id is new, and the organization's position advances, under a shared lock that a
     * finishing reindex takes exclusively.
     */
    private Uni<Void> transaction(UUID eventId, String org, Source source, Function<SqlClient, Uni<?>> effect) {
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
