package io.recruitsuite.candidate.notes;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.recruitsuite.candidate.candidates.CandidateRepository;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Listing;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.candidate.persistence.Timestamps;
import io.recruitsuite.common.Ids;
import io.recruitsuite.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Notes on a candidate. They are internal working notes: no event carries them out of the service. */
@ApplicationScoped
public class NoteService {

    @Inject
    NoteRepository notes;
    @Inject
    CandidateRepository candidates;
    @Inject
    NotesConfig config;

    public Uni<Note> add(String organizationId, String candidateId, String body, String author) {
        if (body == null || body.isBlank()) {
            throw ApiException.validation("body: String must contain at least 1 character(s)");
        }
        if (body.length() > config.maxBody()) {
            throw ApiException.validation("body: at most " + config.maxBody() + " characters");
        }
        return store(organizationId, candidateId, body.strip(), author);
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
