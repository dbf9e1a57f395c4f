package io.recruitsuite.candidate.applications;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.recruitsuite.candidate.candidates.Candidate;
import io.recruitsuite.candidate.candidates.CandidateRepository;
import io.recruitsuite.candidate.documents.DocumentRepository;
import io.recruitsuite.candidate.events.CandidateEvents;
import io.recruitsuite.candidate.events.HiringEvents;
import io.recruitsuite.candidate.jobs.JobRepository;
import io.recruitsuite.candidate.jobs.Stage;
import io.recruitsuite.candidate.jobs.StageRepository;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Listing;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.candidate.persistence.Timestamps;
import io.recruitsuite.common.Ids;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Applications and their movement through a job's pipeline. Every change locks the candidate
 * first, so that two changes to one candidate's applications cannot both read the same "before"
 * and report the candidate's stage wrongly to search.
 */
@ApplicationScoped
public class ApplicationService {

    @Inject
    ApplicationRepository applications;
    @Inject
    StageVisitRepository visits;
    @Inject
    StageRepository stages;
    @Inject
    CandidateRepository candidates;
    @Inject
    DocumentRepository documents;
    @Inject
    JobRepository jobs;
    @Inject
    HiringEvents events;
    @Inject
    CandidateEvents candidateEvents;
    @Inject
    ApplicationsConfig config;

    public Uni<ApplicationDetail> create(String organizationId, String candidateId, String jobId, String stageId) {
        String cand = required("candidateId", "cand", candidateId);
        String job = required("jobId", "job", jobId);
        String stage = ApplicationFilter.id("stageId", "stg", stageId);
        return apply(organizationId, cand, job, stage);
    }

    @WithTransaction
    Uni<ApplicationDetail> apply(String organizationId, String cand, String job, String stage) {
        return changingPipelineOf(organizationId, cand, c -> jobs.findById(organizationId, job)
                        .onItem().ifNull().failWith(() -> ApiException.notFound("Job"))
                        .chain(j -> stages.stagesOf(organizationId, List.of(j.id()))
                                .map(byJob -> ApplicationRules.startStage(j, byJob.getOrDefault(j.id(), List.of()), stage)))
                        // the candidate's lock makes this check and the insert one step: no second application slips in between
                        .chain(start -> applications.idFor(organizationId, c.id(), job)
                                .onItem().ifNotNull().failWith(() -> new ApiException(ErrorCode.CONFLICT,
                                        "Candidate already has an application for this job"))
                                .chain(() -> {
                                    OffsetDateTime now = Timestamps.now();
                                    return applications.persist(new Application(Ids.newId("app"), organizationId, c.id(), job, start.id(),
                                            ApplicationStatus.ACTIVE, null, null, now, now));
                                })
                                .call(a -> recordStage(a, start, a.createdAt()))
                                .call(a -> events.applicationCreated(a, start))))
                .chain(a -> detail(organizationId, a.id()));
    }

    @WithSession
    public Uni<ApplicationDetail> get(String organizationId, String id) {
        return detail(organizationId, id);
    }

    @WithSession
    public Uni<Listing<ApplicationDetail>> list(String organizationId, ApplicationFilter filter, PageRequest page) {
        return Listing.<ApplicationDetail>of(page, d -> new Cursor(d.application().createdAt(), d.application().id()),
                        (offset, limit) -> applications.page(organizationId, filter, offset, limit),
                        () -> applications.count(organizationId, filter),
                        (cursor, limit) -> applications.after(organizationId, filter, cursor, limit))
                .chain(listing -> withHistory(organizationId, listing.items())
                        .map(items -> new Listing<>(items, listing.total(), listing.nextCursor(), listing.hasMore())));
    }

    /** Moves an application to another stage of its job; moving to the current stage changes nothing. */
    public Uni<ApplicationDetail> move(String organizationId, String applicationId, String stageId) {
        return moveApplication(organizationId, applicationId, required("stageId", "stg", stageId));
    }

    @WithTransaction
    Uni<ApplicationDetail> moveApplication(String organizationId, String applicationId, String target) {
        return applications.candidateOf(organizationId, applicationId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Application"))
                .chain(candidateId -> changingPipelineOf(organizationId, candidateId, c -> applications.findByIdForUpdate(organizationId, applicationId)
                        .chain(a -> stages.findById(organizationId, target)
                                .onItem().ifNull().failWith(() -> ApiException.notFound("Stage"))
                                .chain(to -> moveLocked(a, to)))))
                .chain(a -> detail(organizationId, a.id()));
    }

    /** The seed's move: a candidate and a stage name the application (the candidate's one for the stage's job). */
    public Uni<ApplicationDetail> moveCandidate(String organizationId, String candidateId, String stageId) {
        return moveCandidateTo(organizationId, required("candidateId", "cand", candidateId), required("stageId", "stg", stageId));
    }

    @WithTransaction
    Uni<ApplicationDetail> moveCandidateTo(String organizationId, String cand, String target) {
        return changingPipelineOf(organizationId, cand, c -> stages.findById(organizationId, target)
                        .onItem().ifNull().failWith(() -> ApiException.notFound("Stage"))
                        .chain(to -> applications.idFor(organizationId, c.id(), to.jobId())
                                .onItem().ifNull().failWith(() -> ApiException.notFound("Application of this candidate for the stage's job"))
                                .chain(id -> applications.findByIdForUpdate(organizationId, id))
                                .chain(a -> moveLocked(a, to))))
                .chain(a -> detail(organizationId, a.id()));
    }

    public Uni<ApplicationDetail> reject(String organizationId, String applicationId, String reason) {
        return rejectApplication(organizationId, applicationId, ApplicationRules.reason(reason, config.maxReason()));
    }

    @WithTransaction
    Uni<ApplicationDetail> rejectApplication(String organizationId, String applicationId, String why) {
        return applications.candidateOf(organizationId, applicationId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Application"))
                .chain(candidateId -> changingPipelineOf(organizationId, candidateId, c -> applications.findByIdForUpdate(organizationId, applicationId)
                        .chain(a -> {
                            if (a.status() == ApplicationStatus.REJECTED) {
                                // rejecting twice is not an error: the caller's wish already holds
                                return Uni.createFrom().item(a);
                            }
                            OffsetDateTime now = Timestamps.now();
                            a.reject(why, now);
                            return recordStage(a, null, now)
                                    .chain(() -> stages.findById(organizationId, a.stageId()))
                                    .chain(stage -> events.applicationRejected(a, stage))
                                    .replaceWith(a);
                        })))
                .chain(a -> detail(organizationId, a.id()));
    }

    private Uni<Application> moveLocked(Application a, Stage to) {
        if (!ApplicationRules.isMove(a, to)) {
            return Uni.createFrom().item(a);
        }
        return stages.findById(a.organizationId(), a.stageId())
                .chain(from -> {
                    OffsetDateTime now = Timestamps.now();
                    a.moveTo(to.id(), now);
                    return recordStage(a, to, now)
                            .chain(() -> events.stageChanged(a, from, to))
                            .replaceWith(a);
                });
    }

    /** Closes the open visit and, when {@code next} is given, opens one in it at the same instant. */
    private Uni<Void> recordStage(Application a, Stage next, OffsetDateTime at) {
        Uni<Integer> close = visits.close(a.organizationId(), a.id(), at);
        return close.chain(closed -> next == null ? Uni.createFrom().voidItem()
                : visits.persist(new StageVisit(Ids.newId("sp"), a.organizationId(), a.id(), next.id(), next.name(), at)).replaceWithVoid());
    }

    /**
     * Runs {@code change} with the candidate locked, then tells search when the candidate's stage
     * moved: one {@code document.update} per CV, with the old and the new stage.
     */
    private <T> Uni<T> changingPipelineOf(String organizationId, String candidateId, Function<Candidate, Uni<T>> change) {
        return candidates.findByIdForUpdate(organizationId, candidateId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Candidate"))
                .chain(c -> applications.position(organizationId, c.id())
                        .chain(before -> change.apply(c)
                                // the change is written before its outcome is read back
                                .call(() -> Panache.getSession().chain(Mutiny.Session::flush))
                                .call(() -> applications.position(organizationId, c.id())
                                        .chain(after -> Objects.equals(before.stage(), after.stage())
                                                ? Uni.createFrom().voidItem()
                                                : documents.listByCandidate(organizationId, c.id())
                                                .chain(docs -> candidateEvents.documentUpdated(c, docs, "stage", before.stage(), after.stage()))))));
    }

    private Uni<ApplicationDetail> detail(String organizationId, String id) {
        return applications.detail(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Application"))
                .chain(d -> withHistory(organizationId, List.of(d)).map(list -> list.get(0)));
    }

    private Uni<List<ApplicationDetail>> withHistory(String organizationId, List<ApplicationDetail> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return visits.history(organizationId, items.stream().map(d -> d.application().id()).toList())
                .map((Map<String, List<StageVisit>> h) -> items.stream()
                        .map(d -> d.withHistory(h.getOrDefault(d.application().id(), List.of())))
                        .toList());
    }

    static String required(String field, String type, String value) {
        if (value == null || value.isEmpty()) {
            throw ApiException.validation(field + ": required");
        }
        return ApplicationFilter.id(field, type, value);
    }
}
