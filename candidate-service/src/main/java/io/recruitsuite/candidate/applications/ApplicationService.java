package io.recruitsuite.candidate.applications;

import io.recruitsuite.candidate.candidates.Candidate;
import io.recruitsuite.candidate.candidates.CandidateRepository;
import io.recruitsuite.candidate.documents.DocumentRepository;
import io.recruitsuite.candidate.events.CandidateEvents;
import io.recruitsuite.candidate.events.HiringEvents;
import io.recruitsuite.candidate.jobs.JobRepository;
import io.recruitsuite.candidate.jobs.Stage;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Listing;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.common.Ids;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
    Pool pool;
    @Inject
    ApplicationRepository applications;
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
        return pool.withTransaction(tx -> changingPipelineOf(tx, organizationId, cand, c -> jobs.find(tx, organizationId, job, false)
                        .onItem().ifNull().failWith(() -> ApiException.notFound("Job"))
                        .chain(j -> jobs.stagesOf(tx, organizationId, List.of(j.id()))
                                .map(stages -> ApplicationRules.startStage(j, stages.getOrDefault(j.id(), List.of()), stage)))
                        .chain(start -> applications.insert(tx, Ids.newId("app"), organizationId, c.id(), job, start.id())
                                .onItem().ifNull().failWith(() -> new ApiException(ErrorCode.CONFLICT,
                                        "Candidate already has an application for this job"))
                                .call(a -> applications.recordStage(tx, a, start, Ids.newId("sp")))
                                .call(a -> events.applicationCreated(tx, a, start))))
                .chain(a -> detail(tx, organizationId, a.id())));
    }

    public Uni<ApplicationDetail> get(String organizationId, String id) {
        return detail(pool, organizationId, id);
    }

    public Uni<Listing<ApplicationDetail>> list(String organizationId, ApplicationFilter filter, PageRequest page) {
        return Listing.<ApplicationDetail>of(page, d -> new Cursor(d.application().createdAt(), d.application().id()),
                        (offset, limit) -> applications.listPage(organizationId, filter, offset, limit),
                        () -> applications.count(organizationId, filter),
                        (cursor, limit) -> applications.listAfter(organizationId, filter, cursor, limit))
                .chain(listing -> withHistory(pool, organizationId, listing.items())
                        .map(items -> new Listing<>(items, listing.total(), listing.nextCursor(), listing.hasMore())));
    }

    /** Moves an application to another stage of its job; moving to the current stage changes nothing. */
    public Uni<ApplicationDetail> move(String organizationId, String applicationId, String stageId) {
        String target = required("stageId", "stg", stageId);
        return pool.withTransaction(tx -> applications.candidateOf(tx, organizationId, applicationId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Application"))
                .chain(candidateId -> changingPipelineOf(tx, organizationId, candidateId, c -> applications.findForUpdate(tx, organizationId, applicationId)
                        .chain(a -> jobs.findStage(tx, organizationId, target)
                                .onItem().ifNull().failWith(() -> ApiException.notFound("Stage"))
                                .chain(to -> moveLocked(tx, a, to)))))
                .chain(a -> detail(tx, organizationId, a.id())));
    }

    /** The seed's move: a candidate and a stage name the application (the candidate's one for the stage's job). */
    public Uni<ApplicationDetail> moveCandidate(String organizationId, String candidateId, String stageId) {
        String cand = required("candidateId", "cand", candidateId);
        String target = required("stageId", "stg", stageId);
        return pool.withTransaction(tx -> changingPipelineOf(tx, organizationId, cand, c -> jobs.findStage(tx, organizationId, target)
                        .onItem().ifNull().failWith(() -> ApiException.notFound("Stage"))
                        .chain(to -> applications.idFor(tx, organizationId, c.id(), to.jobId())
                                .onItem().ifNull().failWith(() -> ApiException.notFound("Application of this candidate for the stage's job"))
                                .chain(id -> applications.findForUpdate(tx, organizationId, id))
                                .chain(a -> moveLocked(tx, a, to))))
                .chain(a -> detail(tx, organizationId, a.id())));
    }

    public Uni<ApplicationDetail> reject(String organizationId, String applicationId, String reason) {
        String why = ApplicationRules.reason(reason, config.maxReason());
        return pool.withTransaction(tx -> applications.candidateOf(tx, organizationId, applicationId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Application"))
                .chain(candidateId -> changingPipelineOf(tx, organizationId, candidateId, c -> applications.findForUpdate(tx, organizationId, applicationId)
                        .chain(a -> a.status() == ApplicationStatus.REJECTED
                                // rejecting twice is not an error: the caller's wish already holds
                                ? Uni.createFrom().item(a)
                                : applications.reject(tx, a, why)
                                .call(rejected -> applications.recordStage(tx, rejected, null, null))
                                .call(rejected -> jobs.findStage(tx, organizationId, rejected.stageId())
                                        .chain(stage -> events.applicationRejected(tx, rejected, stage))))))
                .chain(a -> detail(tx, organizationId, a.id())));
    }

    private Uni<Application> moveLocked(SqlClient tx, Application a, Stage to) {
        if (!ApplicationRules.isMove(a, to)) {
            return Uni.createFrom().item(a);
        }
        return jobs.findStage(tx, a.organizationId(), a.stageId())
                .chain(from -> applications.moveTo(tx, a, to.id())
                        .call(moved -> applications.recordStage(tx, moved, to, Ids.newId("sp")))
                        .call(moved -> events.stageChanged(tx, moved, from, to)));
    }

    /**
     * Runs {@code change} with the candidate locked, then tells search when the candidate's stage
     * moved: one {@code document.update} per CV, with the old and the new stage.
     */
    private <T> Uni<T> changingPipelineOf(SqlClient tx, String organizationId, String candidateId, Function<Candidate, Uni<T>> change) {
        return candidates.findForUpdate(tx, organizationId, candidateId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Candidate"))
                .chain(c -> applications.position(tx, organizationId, c.id())
                        .chain(before -> change.apply(c)
                                .call(() -> applications.position(tx, organizationId, c.id())
                                        .chain(after -> Objects.equals(before.stage(), after.stage())
                                                ? Uni.createFrom().voidItem()
                                                : documents.listByCandidate(tx, organizationId, c.id())
                                                .chain(docs -> candidateEvents.documentUpdated(tx, c, docs, "stage", before.stage(), after.stage()))))));
    }

    private Uni<ApplicationDetail> detail(SqlClient client, String organizationId, String id) {
        return applications.detail(client, organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Application"))
                .chain(d -> withHistory(client, organizationId, List.of(d)).map(list -> list.get(0)));
    }

    private Uni<List<ApplicationDetail>> withHistory(SqlClient client, String organizationId, List<ApplicationDetail> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return applications.history(client, organizationId, items.stream().map(d -> d.application().id()).toList())
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
