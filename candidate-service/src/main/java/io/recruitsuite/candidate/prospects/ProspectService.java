package io.recruitsuite.candidate.prospects;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.recruitsuite.candidate.applications.ApplicationService;
import io.recruitsuite.candidate.candidates.Candidate;
import io.recruitsuite.candidate.candidates.CandidateRepository;
import io.recruitsuite.candidate.candidates.CandidateRules;
import io.recruitsuite.candidate.candidates.CandidateService;
import io.recruitsuite.candidate.events.CandidateEvents;
import io.recruitsuite.candidate.events.WorkflowEvents;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Listing;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.candidate.persistence.Timestamps;
import io.recruitsuite.candidate.workflow.FieldRules;
import io.recruitsuite.candidate.workflow.WorkflowConfig;
import io.recruitsuite.common.Ids;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Objects;

/** Prospects and their conversion into candidates; every change and its event commit together. */
@ApplicationScoped
public class ProspectService {

    @Inject
    ProspectRepository prospects;
    @Inject
    CandidateRepository candidates;
    @Inject
    ApplicationService applications;
    @Inject
    CandidateEvents candidateEvents;
    @Inject
    WorkflowEvents events;
    @Inject
    WorkflowConfig config;

    public record Fields(String firstName, String lastName, String email, String phone, String source, List<String> tags,
                         String linkedinUrl) {
    }

    /** A PATCH: only the fields present change. */
    public record Changes(Fields values, boolean firstNameSet, boolean lastNameSet, boolean emailSet, boolean phoneSet,
                         boolean sourceSet, boolean tagsSet, boolean linkedinUrlSet) {
    }

    /** The prospect after conversion, the candidate it became and, when a job was given, the application. */
    public record Conversion(Prospect prospect, String candidateId, String applicationId) {
    }

    public Uni<Prospect> create(String organizationId, Fields input) {
        Prospect p = new Prospect(Ids.newId("prs"), organizationId, details(input), Timestamps.now());
        return store(p);
    }

    @WithTransaction
    Uni<Prospect> store(Prospect p) {
        return prospects.persist(p).call(events::prospectCreated);
    }

    @WithSession
    public Uni<Prospect> get(String organizationId, String id) {
        return prospects.findById(organizationId, id).onItem().ifNull().failWith(() -> ApiException.notFound("Prospect"));
    }

    @WithSession
    public Uni<Listing<Prospect>> list(String organizationId, ProspectRepository.Filter filter, PageRequest page) {
        return Listing.of(page, p -> new Cursor(p.createdAt(), p.id()),
                (offset, limit) -> prospects.page(organizationId, filter, offset, limit),
                () -> prospects.count(organizationId, filter),
                (cursor, limit) -> prospects.after(organizationId, filter, cursor, limit));
    }

    @WithTransaction
    public Uni<Prospect> update(String organizationId, String id, Changes c) {
        return prospects.findByIdForUpdate(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Prospect"))
                .invoke(p -> {
                    Prospect.Details before = p.details();
                    Fields v = c.values();
                    Fields merged = new Fields(c.firstNameSet() ? v.firstName() : before.firstName(),
                            c.lastNameSet() ? v.lastName() : before.lastName(), c.emailSet() ? v.email() : before.email(),
                            c.phoneSet() ? v.phone() : before.phone(), c.sourceSet() ? v.source() : before.source(),
                            c.tagsSet() ? v.tags() : before.tags(), c.linkedinUrlSet() ? v.linkedinUrl() : before.linkedinUrl());
                    Prospect.Details after = details(merged);
                    if (!Objects.equals(before, after)) {
                        p.change(after, Timestamps.now());
                    }
                });
    }

    /** Erasure: the prospect, its notes and tasks, and the published events that named it. The candidate it became stays. */
    @WithTransaction
    public Uni<Void> delete(String organizationId, String id) {
        return prospects.findByIdForUpdate(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Prospect"))
                .call(p -> events.forgetProspect(organizationId, p.id()))
                .call(p -> prospects.deleteById(organizationId, p.id()))
                .replaceWithVoid();
    }

    public Uni<Conversion> convert(String organizationId, String id, String jobId, String stageId) {
        String job = FieldRules.id("jobId", "job", jobId);
        String stage = FieldRules.id("stageId", "stg", stageId);
        if (stage != null && job == null) {
            throw ApiException.validation("stageId: give jobId too (a stage belongs to a job)");
        }
        return convertLocked(organizationId, id, job, stage);
    }

    /**
     * One transaction: the candidate, the optional application and the prospect's link commit together (a job that does
     * not exist leaves no candidate behind). The prospect's lock makes a second conversion wait, then see the link.
     */
    @WithTransaction
    Uni<Conversion> convertLocked(String organizationId, String id, String job, String stage) {
        return prospects.findByIdForUpdate(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Prospect"))
                .chain(p -> {
                    if (p.candidateId() != null) {
                        return Uni.createFrom().failure(new ApiException(ErrorCode.CONFLICT,
                                "Prospect was already converted to candidate " + p.candidateId()));
                    }
                    Candidate c = CandidateService.newCandidate(organizationId, new CandidateService.NewCandidate(null, p.firstName(),
                            p.lastName(), p.email(), p.phone(), p.tags()));
                    return candidates.persist(c)
                            .call(candidateEvents::candidateCreated)
                            // the application locks the candidate with a query: the new row must be in the database first
                            .call(() -> Panache.getSession().chain(Mutiny.Session::flush))
                            .chain(() -> job == null ? Uni.createFrom().<String>nullItem()
                                    : applications.create(organizationId, c.id(), job, stage).map(d -> d.application().id()))
                            .chain(applicationId -> {
                                p.convertedTo(c.id(), Timestamps.now());
                                return events.prospectConverted(p, applicationId).replaceWith(new Conversion(p, c.id(), applicationId));
                            });
                });
    }

    private Prospect.Details details(Fields in) {
        String first = CandidateRules.namePart("firstName", in.firstName());
        String last = CandidateRules.namePart("lastName", in.lastName());
        if (first == null && last == null) {
            throw ApiException.validation("firstName: a prospect needs a firstName or a lastName");
        }
        return new Prospect.Details(CandidateRules.displayName(null, first, last), first, last, CandidateRules.email(in.email()),
                CandidateRules.phone(in.phone()), FieldRules.optional("source", in.source(), config.maxField()),
                CandidateRules.tags(in.tags()), FieldRules.url("linkedinUrl", in.linkedinUrl(), config.maxUrl()));
    }
}
