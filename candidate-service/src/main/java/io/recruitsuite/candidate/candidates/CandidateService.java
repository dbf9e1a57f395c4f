package io.recruitsuite.candidate.candidates;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.recruitsuite.candidate.applications.ApplicationRepository;
import io.recruitsuite.candidate.documents.Document;
import io.recruitsuite.candidate.documents.DocumentRepository;
import io.recruitsuite.candidate.events.CandidateEvents;
import io.recruitsuite.candidate.events.WorkflowEvents;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Listing;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.candidate.persistence.Timestamps;
import io.recruitsuite.common.Ids;
import io.recruitsuite.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Candidates and their CV documents; every change and its event commit together (one reactive transaction). */
@ApplicationScoped
public class CandidateService {

    @Inject
    CandidateRepository candidates;
    @Inject
    CandidateListQueries listQueries;
    @Inject
    DocumentRepository documents;
    @Inject
    CandidateEvents events;
    @Inject
    ApplicationRepository applications;
    @Inject
    WorkflowEvents workflowEvents;

    public record NewCandidate(String name, String firstName, String lastName, String email, String phone, List<String> tags) {
        public NewCandidate(String name, String email, String phone, List<String> tags) {
            this(name, null, null, email, phone, tags);
        }
    }

    /** CV content already turned into text (pasted text, or extracted from an uploaded file). */
    public record NewDocument(String filename, String fileType, long fileSize, String text) {
    }

    public record CandidateDetail(Candidate candidate, List<Document> documents) {
    }

    public Uni<CandidateDetail> create(String organizationId, NewCandidate input, NewDocument cv) {
        return store(newCandidate(organizationId, input), cv);
    }

    /** A candidate checked against the field rules, not yet stored. */
    public static Candidate newCandidate(String organizationId, NewCandidate input) {
        String firstName = CandidateRules.namePart("firstName", input.firstName());
        String lastName = CandidateRules.namePart("lastName", input.lastName());
        String name = CandidateRules.displayName(input.name(), firstName, lastName);
        String email = CandidateRules.email(input.email());
        String phone = CandidateRules.phone(input.phone());
        List<String> tags = CandidateRules.tags(input.tags());
        OffsetDateTime now = Timestamps.now();
        return new Candidate(Ids.newId("cand"), organizationId, name, firstName, lastName, email, phone, tags, now, now);
    }

    @WithTransaction
    Uni<CandidateDetail> store(Candidate candidate, NewDocument cv) {
        return candidates.persist(candidate)
                .call(events::candidateCreated)
                .chain(c -> cv == null
                        ? Uni.createFrom().item(new CandidateDetail(c, List.of()))
                        : documents.persist(newDocument(c, cv))
                        .call(d -> events.documentUploaded(c, d))
                        .map(d -> new CandidateDetail(c, List.of(d))));
    }

    @WithTransaction
    public Uni<Document> addDocument(String organizationId, String candidateId, NewDocument cv) {
        return candidates.findByIdForUpdate(organizationId, candidateId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Candidate"))
                .chain(c -> documents.persist(newDocument(c, cv))
                        .call(d -> applications.position(organizationId, c.id())
                                .chain(position -> events.documentUploaded(c, d, position))));
    }

    private static Document newDocument(Candidate c, NewDocument cv) {
        return new Document(Ids.newId("doc"), c.organizationId(), c.id(), cv.filename(), cv.fileType(), cv.fileSize(),
                Document.countWords(cv.text()), cv.text(), Timestamps.now());
    }

    /** Fails with 404 unless the candidate exists; lets an upload fail fast, before its file is parsed. */
    @WithSession
    public Uni<Candidate> require(String organizationId, String id) {
        return candidates.findById(organizationId, id).onItem().ifNull().failWith(() -> ApiException.notFound("Candidate"));
    }

    @WithSession
    public Uni<CandidateDetail> get(String organizationId, String id) {
        return candidates.findById(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Candidate"))
                .chain(c -> documents.listByCandidate(organizationId, id).map(docs -> new CandidateDetail(c, docs)));
    }

    /** Without a session: {@link CandidateListQueries} reads the rows directly. */
    public Uni<Listing<Candidate>> list(String organizationId, CandidateFilter filter, PageRequest page) {
        return Listing.of(page, c -> new Cursor(c.createdAt(), c.id()),
                (offset, limit) -> listQueries.page(organizationId, filter, offset, limit),
                () -> listQueries.count(organizationId, filter),
                (cursor, limit) -> listQueries.after(organizationId, filter, cursor, limit));
    }

    public record Changes(String name, String email, String phone, List<String> tags,
                          boolean nameSet, boolean emailSet, boolean phoneSet, boolean tagsSet,
                          String firstName, String lastName, boolean firstNameSet, boolean lastNameSet) {
    }

    @WithTransaction
    public Uni<CandidateDetail> update(String organizationId, String id, Changes changes) {
        return candidates.findByIdForUpdate(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Candidate"))
                .chain(c -> {
                    String firstName = changes.firstNameSet() ? CandidateRules.namePart("firstName", changes.firstName()) : c.firstName();
                    String lastName = changes.lastNameSet() ? CandidateRules.namePart("lastName", changes.lastName()) : c.lastName();
                    boolean partsChanged = !Objects.equals(c.firstName(), firstName) || !Objects.equals(c.lastName(), lastName);
                    // a display name made from the parts follows them; one given on its own (seed 000's "name") is never
                    // rewritten from parts, and a name given with the parts wins
                    boolean derived = Objects.equals(c.name(), CandidateRules.joined(c.firstName(), c.lastName()));
                    String name = changes.nameSet() ? CandidateRules.name(changes.name())
                            : partsChanged && derived && (firstName != null || lastName != null)
                            ? CandidateRules.displayName(null, firstName, lastName) : c.name();
                    String email = changes.emailSet() ? CandidateRules.email(changes.email()) : c.email();
                    String phone = changes.phoneSet() ? CandidateRules.phone(changes.phone()) : c.phone();
                    List<String> tags = changes.tagsSet() ? CandidateRules.tags(changes.tags()) : c.tags();
                    List<String> changed = new ArrayList<>();
                    if (!Objects.equals(c.name(), name)) changed.add("name");
                    if (!Objects.equals(c.firstName(), firstName)) changed.add("firstName");
                    if (!Objects.equals(c.lastName(), lastName)) changed.add("lastName");
                    if (!Objects.equals(c.email(), email)) changed.add("email");
                    if (!Objects.equals(c.phone(), phone)) changed.add("phone");
                    if (!Objects.equals(c.tags(), tags)) changed.add("tags");
                    if (changed.isEmpty()) {
                        return documents.listByCandidate(organizationId, id).map(docs -> new CandidateDetail(c, docs));
                    }
                    List<String> tagsBefore = c.tags();
                    c.rename(firstName, lastName);
                    c.change(name, email, phone, tags, Timestamps.now());
                    return events.candidateUpdated(c, changed)
                            .chain(() -> documents.listByCandidate(organizationId, id))
                            .call(docs -> changed.contains("tags")
                                    ? events.documentUpdated(c, docs, "tags", tagsBefore, c.tags())
                                    : Uni.createFrom().voidItem())
                            .map(docs -> new CandidateDetail(c, docs));
                });
    }

    /** Erasure: the candidate, the CV documents and their text go; the event makes every other service forget them too. */
    @WithTransaction
    public Uni<Void> delete(String organizationId, String id) {
        return candidates.findByIdForUpdate(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Candidate"))
                .chain(c -> documents.listByCandidate(organizationId, id)
                        // the prospect the candidate came from goes with the candidate (same person): first the events naming it
                        .call(docs -> workflowEvents.forgetProspectsOf(organizationId, id))
                        .call(docs -> candidates.deleteById(organizationId, id))
                        .call(docs -> events.candidateDeleted(c, docs)))
                .replaceWithVoid();
    }

    /**
     * One CV document of the candidate goes, its text with it; the candidate and other documents stay. The event (in the same
     * transaction) makes search drop the document from its index. An unknown document, or another candidate's, is a 404.
     */
    @WithTransaction
    public Uni<Void> deleteDocument(String organizationId, String candidateId, String documentId) {
        return candidates.findByIdForUpdate(organizationId, candidateId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Candidate"))
                .chain(c -> documents.findOfCandidate(organizationId, candidateId, documentId)
                        .onItem().ifNull().failWith(() -> ApiException.notFound("Document"))
                        .call(d -> documents.deleteById(organizationId, d.id()))
                        .call(d -> events.documentDeleted(c, d)))
                .replaceWithVoid();
    }
}
