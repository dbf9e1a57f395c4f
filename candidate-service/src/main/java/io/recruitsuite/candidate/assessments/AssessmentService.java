package io.recruitsuite.candidate.assessments;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.recruitsuite.candidate.applications.ApplicationRepository;
import io.recruitsuite.candidate.events.WorkflowEvents;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Listing;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.candidate.persistence.Timestamps;
import io.recruitsuite.candidate.workflow.FieldRules;
import io.recruitsuite.candidate.workflow.Subjects;
import io.recruitsuite.candidate.workflow.WorkflowConfig;
import io.recruitsuite.common.Ids;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/** Assessments of applications; reaching completed is the event integrators wait for (assessment.completed). */
@ApplicationScoped
public class AssessmentService {

    public static final List<String> STATUSES = List.of("sent", "started", "completed", "expired");

    @Inject
    AssessmentRepository assessments;
    @Inject
    ApplicationRepository applications;
    @Inject
    Subjects subjects;
    @Inject
    WorkflowEvents events;
    @Inject
    WorkflowConfig config;

    public record Input(String name, String provider, OffsetDateTime dueAt, String status, Integer score, Boolean passed, String reportUrl) {
    }

    /** A PATCH: only the fields present change. */
    public record Changes(Input values, boolean nameSet, boolean providerSet, boolean dueAtSet, boolean statusSet, boolean scoreSet,
                          boolean passedSet, boolean reportUrlSet) {
    }

    public Uni<Assessment> create(String organizationId, String applicationId, Input in) {
        String application = FieldRules.requiredId("applicationId", "app", applicationId);
        Input withStatus = new Input(in.name(), in.provider(), in.dueAt(), in.status() == null ? "sent" : in.status(), in.score(), in.passed(),
                in.reportUrl());
        Assessment.State state = state(withStatus);
        return store(organizationId, application, state);
    }

    @WithTransaction
    Uni<Assessment> store(String organizationId, String applicationId, Assessment.State state) {
        return subjects.resolve(organizationId, null, applicationId, null)
                .chain(s -> assessments.persist(new Assessment(Ids.newId("asm"), organizationId, s.applicationId(), s.candidateId(), s.jobId(),
                        state, Timestamps.now())))
                .call(a -> Assessment.COMPLETED.equals(a.status()) ? events.assessmentCompleted(a) : Uni.createFrom().voidItem());
    }

    @WithSession
    public Uni<Assessment> get(String organizationId, String id) {
        return assessments.findById(organizationId, id).onItem().ifNull().failWith(() -> ApiException.notFound("Assessment"));
    }

    @WithSession
    public Uni<Listing<Assessment>> list(String organizationId, AssessmentRepository.Filter filter, PageRequest page) {
        return Listing.of(page, a -> new Cursor(a.createdAt(), a.id()),
                (offset, limit) -> assessments.page(organizationId, filter, offset, limit),
                () -> assessments.count(organizationId, filter),
                (cursor, limit) -> assessments.after(organizationId, filter, cursor, limit));
    }

    public static AssessmentRepository.Filter filter(String applicationId, String candidateId, String jobId, String status) {
        return new AssessmentRepository.Filter(FieldRules.id("applicationId", "app", applicationId),
                FieldRules.id("candidateId", "cand", candidateId), FieldRules.id("jobId", "job", jobId),
                status == null || status.isEmpty() ? null : FieldRules.oneOf("status", status, STATUSES));
    }

    /** A completed assessment's result is final: a provider correcting it creates a new assessment. */
    @WithTransaction
    public Uni<Assessment> update(String organizationId, String id, Changes c) {
        return assessments.findByIdForUpdate(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Assessment"))
                .chain(a -> {
                    Assessment.State before = a.state();
                    Input v = c.values();
                    Assessment.State after = state(new Input(c.nameSet() ? v.name() : before.name(),
                            c.providerSet() ? v.provider() : before.provider(), c.dueAtSet() ? v.dueAt() : before.dueAt(),
                            c.statusSet() ? v.status() : before.status(), c.scoreSet() ? v.score() : before.score(),
                            c.passedSet() ? v.passed() : before.passed(), c.reportUrlSet() ? v.reportUrl() : before.reportUrl()));
                    if (Objects.equals(before, after)) {
                        return Uni.createFrom().item(a);
                    }
                    if (Assessment.COMPLETED.equals(before.status())) {
                        return Uni.createFrom().failure(new ApiException(ErrorCode.CONFLICT,
                                "Assessment is completed: its result is final"));
                    }
                    a.change(after, Timestamps.now());
                    return Assessment.COMPLETED.equals(after.status()) ? events.assessmentCompleted(a).replaceWith(a) : Uni.createFrom().item(a);
                });
    }

    private Assessment.State state(Input in) {
        String status = FieldRules.oneOf("status", in.status(), STATUSES);
        Integer score = in.score();
        if (score != null && (score < 0 || score > 100)) {
            throw ApiException.validation("score: must be a whole number from 0 to 100");
        }
        if (!Assessment.COMPLETED.equals(status) && (score != null || in.passed() != null)) {
            throw ApiException.validation("score: a result (score, passed) is recorded with status completed");
        }
        return new Assessment.State(FieldRules.required("name", in.name(), config.maxTitle()),
                FieldRules.optional("provider", in.provider(), config.maxField()), in.dueAt(), status, score, in.passed(),
                FieldRules.url("reportUrl", in.reportUrl(), config.maxUrl()));
    }
}
