package io.recruitsuite.candidate.notes;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.recruitsuite.candidate.candidates.CandidateRepository;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Listing;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.candidate.persistence.Timestamps;
import io.recruitsuite.candidate.prospects.ProspectRepository;
import io.recruitsuite.common.Ids;
import io.recruitsuite.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Notes on a candidate or a prospect. They are internal working notes: no event carries them out of the service. */
@ApplicationScoped
public class NoteService {

    @Inject
    NoteRepository notes;
    @Inject
    CandidateRepository candidates;
    @Inject
    NotesConfig config;
    @Inject
    ProspectRepository prospects;

    public Uni<Note> add(String organizationId, String candidateId, String body, String author) {
        return store(organizationId, candidateId, body(body), author);
    }

    public Uni<Note> addToProspect(String organizationId, String prospectId, String body, String author) {
        return storeOnProspect(organizationId, prospectId, body(body), author);
    }

    private String body(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.validation("body: String must contain at least 1 character(s)");
        }
        if (body.length() > config.maxBody()) {
            throw ApiException.validation("body: at most " + config.maxBody() + " characters");
        }
        return body.strip();
    }

    /** The prospect row is locked so that a note cannot land on a prospect being erased. */
    @WithTransaction
    Uni<Note> storeOnProspect(String organizationId, String prospectId, String text, String author) {
        return prospects.findByIdForUpdate(organizationId, prospectId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Prospect"))
                .chain(p -> notes.persist(new Note(Ids.newId("note"), organizationId, null, p.id(), text, author, Timestamps.now())));
    }

    @WithSession
    public Uni<Listing<Note>> listOfProspect(String organizationId, String prospectId, PageRequest page) {
        return prospects.findById(organizationId, prospectId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Prospect"))
                .chain(p -> Listing.<Note>of(page, n -> new Cursor(n.createdAt(), n.id()),
                        (offset, limit) -> notes.pageOfProspect(organizationId, prospectId, offset, limit),
                        () -> notes.countOfProspect(organizationId, prospectId),
                        (cursor, limit) -> notes.afterOfProspect(organizationId, prospectId, cursor, limit)));
    }

    /** The candidate row is locked so that a note cannot land on a candidate being erased. */
    @WithTransaction
    Uni<Note> store(String organizationId, String candidateId, String text, String author) {
        return candidates.findByIdForUpdate(organizationId, candidateId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Candidate"))
                .chain(c -> notes.persist(new Note(Ids.newId("note"), organizationId, c.id(), text, author, Timestamps.now())));
    }

    @WithSession
    public Uni<Listing<Note>> list(String organizationId, String candidateId, PageRequest page) {
        return candidates.findById(organizationId, candidateId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Candidate"))
                .chain(c -> Listing.<Note>of(page, n -> new Cursor(n.createdAt(), n.id()),
                        (offset, limit) -> notes.page(organizationId, candidateId, offset, limit),
                        () -> notes.count(organizationId, candidateId),
                        (cursor, limit) -> notes.after(organizationId, candidateId, cursor, limit)));
    }
}
