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
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Applies candidate and document events to the index, each exactly once: the event id is recorded
 * in the same transaction as its effect, together with the event's position in the topic. Embedding
 * happens before the transaction, on the model's bounded passage threads ({@code search.embedding-threads}), so neither
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
     * the embedding: their passages are queued for the model in the events' order, so its threads never wait for the last
     * passage of a group before starting the next (that idle tail cost several percent of ingestion). An upload whose fields
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
        for (Prepared p : uploads) {
            // queued for the model as soon as this CV is fetched: waiting for the whole poll's fetches left the model idle
            p.upload.whenComplete((fetched, failure) -> embedAhead(p, failure == null ? fetched.orElse(null) : null));
        }
        return prepared;
    }

    /** The fetched CV's passages queued for the model; a CV that could not be fetched gets no vectors ahead. */
    private void embedAhead(Prepared p, Upload upload) {
        if (upload == null) {
            p.vectors.completeExceptionally(new IllegalStateException("nothing fetched to embed"));
            return;
        }
        submit(upload).whenComplete((vectors, failure) -> {
            if (failure == null) {
                p.vectors.complete(vectors);
            } else {
                p.vectors.completeExceptionally(failure);
            }
        });
    }

    /** The CV of an upload event from the candidate-service, ready to embed; empty when it no longer exists there. */
    private Uni<Optional<Upload>> fetch(String org, DocumentUploaded data) {
        return Uni.createFrom().deferred(() -> documents.one(org, data.documentId()))
                .map(found -> found.map(d -> upload(org, d)));
    }

    /** The CV's passages queued for the model; done when all their vectors are. */
    private CompletableFuture<List<float[]>> submit(Upload upload) {
        List<CompletableFuture<float[]>> passages = embeddings.submitPassages(upload.chunks());
        return CompletableFuture.allOf(passages.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> passages.stream().map(CompletableFuture::join).toList());
    }

    /** Applies an event the live consumer read at {@code source} (null when unknown), once. */
    public Uni<Void> apply(EventEnvelope event, Source source) {
        return apply(prepare(event), source);
    }

    /** Applies a prepared event the live consumer read at {@code source} (null when unknown), once. */
    public Uni<Void> apply(Prepared prepared, Source source) {
        return writeOf(prepared, source).chain(write -> write == null ? Uni.createFrom().voidItem() : transaction(List.of(write)));
    }

    /**
     * Applies consecutive prepared events in one transaction, each once and in their order: one commit (and one flush of the
     * database's log) for all of them instead of one each. It fails as a whole; the caller may then apply them one by one.
     */
    public Uni<Void> applyTogether(List<Prepared> prepared, List<Source> sources) {
        List<Uni<Write>> writes = new ArrayList<>(prepared.size());
        for (int i = 0; i < prepared.size(); i++) {
            int event = i;
            writes.add(Uni.createFrom().deferred(() -> writeOf(prepared.get(event), sources.get(event))));
        }
        return Multi.createFrom().iterable(writes).onItem().transformToUniAndConcatenate(w -> w)
                .collect().asList()
                .chain(ready -> ready.isEmpty() ? Uni.createFrom().voidItem() : transaction(ready));
    }

    /**
     * Writes documents read from the candidate-service's listing (a rebuild), whatever the index holds of them: their
     * passages are queued for the model, then each is written in a transaction of its own.
     */
    public Uni<Integer> reindex(String org, List<CandidateDocument> page) {
        List<Upload> uploads = page.stream().map(d -> upload(org, d)).toList();
        List<CompletableFuture<List<float[]>>> futures = uploads.stream().map(this::submit).toList();
        Uni<Integer> written = Uni.createFrom().item(0);
        for (int i = 0; i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            CompletableFuture<List<float[]>> vectors = futures.get(i);
            written = written.chain(n -> Uni.createFrom().completionStage(vectors).onFailure().recoverWithUni(() -> embed(upload))
                    .chain(v -> index.pool().withTransaction(tx -> {
                        IndexRepository.UncountedTerms uncounted = new IndexRepository.UncountedTerms();
                        return index.lockOrganizationShared(tx, org)
                                .chain(() -> index.replaceDocument(tx, uncounted, upload.doc(), upload.chunks(), v, upload.keywordText()))
                                .chain(() -> index.countTerms(tx, uncounted));
                    }))
                    .map(ignored -> n + 1));
        }
        return written;
    }

    /** An event ready to be written: its id, organization and place in the topic, and what it does to the index. */
    private record Write(UUID eventId, String organizationId, Source source, Effect effect, boolean removesTerms) {
    }

    /** What an event does within the transaction; CV uploads leave their terms to be counted with the transaction's others. */
    private interface Effect {
        Uni<?> apply(SqlClient tx, IndexRepository.UncountedTerms uncounted);
    }

    /** What applying the event writes, once its CV is fetched and embedded; null (no write at all) for an event of no organization. */
    private Uni<Write> writeOf(Prepared prepared, Source source) {
        if (prepared.unreadable != null) {
            return Uni.createFrom().failure(prepared.unreadable);
        }
        EventEnvelope event = prepared.event();
        UUID eventId = UUID.fromString(event.id());
        String org = event.organizationId();
        if (isBlank(org)) {
            return Uni.createFrom().nullItem();
        }
        Applier once = (effect, removesTerms) -> Uni.createFrom().item(new Write(eventId, org, source, effect, removesTerms));
        return switch (event.type()) {
            // erased since it was uploaded: nothing to index, the event still counts as applied
            case EventTypes.DOCUMENT_UPLOAD -> prepared.upload().chain(fetched -> fetched.isEmpty()
                    ? once.apply((tx, uncounted) -> Uni.createFrom().voidItem(), false)
                    : prepared.vectors(fetched.get()).chain(vectors -> once.apply((tx, uncounted) -> index.replaceDocument(tx, uncounted,
                            fetched.get().doc(), fetched.get().chunks(), vectors, fetched.get().keywordText()), false)));
            case EventTypes.DOCUMENT_DELETED -> {
                DocumentDeleted deleted = Events.data(mapper, event, Events.DOCUMENT_DELETED);
                yield once.apply((tx, uncounted) -> index.deleteDocument(tx, org, deleted.documentId()), true);
            }
            case EventTypes.CANDIDATE_DELETED -> {
                CandidateDeleted deleted = Events.data(mapper, event, Events.CANDIDATE_DELETED);
                yield once.apply((tx, uncounted) -> index.deleteCandidate(tx, org, deleted.candidateId()), true);
            }
            case EventTypes.CANDIDATE_UPDATED -> {
                CandidateUpdated updated = Events.data(mapper, event, Events.CANDIDATE_UPDATED);
                yield once.apply((tx, uncounted) -> index.updateCandidate(tx, org, updated.candidateId(), updated.name(), updated.email(),
                        updated.tags() == null ? null : updated.tags().toArray(String[]::new)), false);
            }
            case EventTypes.DOCUMENT_UPDATE -> {
                DocumentUpdated updated = Events.data(mapper, event, Events.DOCUMENT_UPDATE);
                Object v = updated.newValue() instanceof List<?> values ? values.stream().map(String::valueOf).toArray(String[]::new)
                        : updated.newValue() == null ? null : String.valueOf(updated.newValue());
                yield once.apply((tx, uncounted) -> index.updateDocumentField(tx, org, updated.documentId(), updated.field(), v), false);
            }
            // the job filter: applications made after the CV was uploaded
            case EventTypes.APPLICATION_CREATED -> {
                ApplicationCreated created = Events.data(mapper, event, Events.APPLICATION_CREATED);
                yield once.apply((tx, uncounted) -> created.jobId() != null ? index.addJob(tx, org, created.candidateId(), created.jobId())
                        : Uni.createFrom().voidItem(), false);
            }
            // events that do not touch the index still advance the organization's position
            default -> once.apply((tx, uncounted) -> Uni.createFrom().voidItem(), false);
        };
    }

    private interface Applier {
        Uni<Write> apply(Effect effect, boolean removesTerms);
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
        return Uni.createFrom().completionStage(() -> submit(upload));
    }

    /**
     * Each effect runs only if its event id is new, and each organization's position advances, under a shared lock of each
     * organization (taken once) that a finishing reindex takes exclusively. The CVs' terms are counted into the statistics
     * once for all of them, before the commit or before an event that deletes terms.
     */
    private Uni<Void> transaction(List<Write> writes) {
        return index.pool().withTransaction(tx -> {
            IndexRepository.UncountedTerms uncounted = new IndexRepository.UncountedTerms();
            Uni<Void> chain = Uni.createFrom().voidItem();
            Set<String> locked = new HashSet<>();
            for (Write w : writes) {
                boolean lock = locked.add(w.organizationId());
                chain = chain.chain(() -> lock ? index.lockOrganizationShared(tx, w.organizationId()) : Uni.createFrom().voidItem())
                        .chain(() -> index.markProcessed(tx, w.eventId()))
                        .chain(fresh -> !fresh ? Uni.createFrom().voidItem()
                                : (w.removesTerms() ? index.countTerms(tx, uncounted) : Uni.createFrom().voidItem())
                                .chain(() -> w.effect().apply(tx, uncounted)).replaceWithVoid())
                        .chain(() -> w.source() == null ? Uni.createFrom().voidItem()
                                : index.recordPosition(tx, w.organizationId(), w.source().partition(), w.source().offset()));
            }
            return chain.chain(() -> index.countTerms(tx, uncounted));
        });
    }

    private static List<String> listOrEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isEmpty();
    }
}
