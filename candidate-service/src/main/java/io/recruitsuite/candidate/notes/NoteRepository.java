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
    private static final String OF_PROSPECT = "prospectId = :prospectId";

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

    public Uni<List<Note>> pageOfProspect(String organizationId, String prospectId, int offset, int limit) {
        return list(organizationId, OF_PROSPECT, Keyset.ORDER, Parameters.with("prospectId", prospectId), offset, limit);
    }

    public Uni<List<Note>> afterOfProspect(String organizationId, String prospectId, Cursor cursor, int limit) {
        return list(organizationId, Keyset.and(OF_PROSPECT, Keyset.after(null, cursor)), Keyset.ORDER,
                Keyset.bind(Parameters.with("prospectId", prospectId), cursor), 0, limit);
    }

    public Uni<Long> countOfProspect(String organizationId, String prospectId) {
        return count(organizationId, OF_PROSPECT, Parameters.with("prospectId", prospectId));
    }
}
