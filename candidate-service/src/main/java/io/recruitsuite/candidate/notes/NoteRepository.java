package io.recruitsuite.candidate.notes;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Keyset;
import io.recruitsuite.common.persistence.OrganizationScopedRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
@WithSession
public class NoteRepository extends OrganizationScopedRepository<Note> {

    private static final String OF_CANDIDATE = "candidateId = :candidateId";

    public NoteRepository() {
        super(Note.class);
    }

    public Uni<List<Note>> page(String organizationId, String candidateId, int offset, int limit) {
        return list(organizationId, OF_CANDIDATE, Keyset.ORDER, Parameters.with("candidateId", candidateId), offset, limit);
    }

    public Uni<List<Note>> after(String organizationId, String candidateId, Cursor cursor, int limit) {
        return list(organizationId, Keyset.and(OF_CANDIDATE, Keyset.after(null, cursor)), Keyset.ORDER,
                Keyset.bind(Parameters.with("candidateId", candidateId), cursor), 0, limit);
    }

    public Uni<Long> count(String organizationId, String candidateId) {
        return count(organizationId, OF_CANDIDATE, Parameters.with("candidateId", candidateId));
    }
}
