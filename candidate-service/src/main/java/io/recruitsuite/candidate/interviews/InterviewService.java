package io.recruitsuite.candidate.interviews;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.recruitsuite.candidate.agents.InterviewAgentRepository;
import io.recruitsuite.candidate.applications.Application;
import io.recruitsuite.candidate.applications.ApplicationRepository;
import io.recruitsuite.candidate.applications.ApplicationStatus;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Interviews and their scorecards. Booking or moving an interview locks its interviewers' calendars first, so the
 * overlap check and the write are one step for each person: two bookings of one interviewer at one time cannot both pass.
 */
@ApplicationScoped
public class InterviewService {

    public static final List<String> KINDS = List.of("phone", "video", "onsite", "technical", "panel", "ai", "other");
    public static final List<String> RECOMMENDATIONS = List.of("strong_no", "no", "yes", "strong_yes");
    static final List<String> STATUSES = List.of(Interview.SCHEDULED, Interview.CANCELLED);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'");

    @Inject
    InterviewRepository interviews;
    @Inject
    ScorecardRepository scorecards;
    @Inject
    ApplicationRepository applications;
    @Inject
    Subjects subjects;
    @Inject
    WorkflowEvents events;
    @Inject
    WorkflowConfig config;
    @Inject
    InterviewAgentRepository agents;

    public record NewInterview(String applicationId, String kind, OffsetDateTime startsAt, Integer durationMinutes, List<String> interviewers,
                               String location, String videoUrl, String agentId) {
    }

    /** A PATCH (a reschedule): only the fields present change. */
    public record Changes(NewInterview values, boolean kindSet, boolean startsAtSet, boolean durationSet, boolean interviewersSet,
                          boolean locationSet, boolean videoUrlSet, boolean agentIdSet) {
    }

    public record Submission(Scorecard scorecard, boolean created) {
    }

    public Uni<Interview> create(String organizationId, NewInterview in) {
        String application = FieldRules.requiredId("applicationId", "app", in.applicationId());
        Interview.Plan plan = plan(in);
        return book(organizationId, application, plan);
    }

    @WithTransaction
    Uni<Interview> book(String organizationId, String applicationId, Interview.Plan plan) {
        return subjects.resolve(organizationId, null, applicationId, null)
                .chain(s -> applications.findById(organizationId, s.applicationId()))
                .chain(a -> {
                    if (a.status() != ApplicationStatus.ACTIVE) {
                        return Uni.createFrom().failure(new ApiException(ErrorCode.CONFLICT, "Application is rejected: no interview can be scheduled"));
                    }
                    return agentExists(organizationId, plan)
                            .chain(() -> free(organizationId, null, plan))
                            .chain(() -> interviews.persist(new Interview(Ids.newId("itv"), organizationId, a.id(), a.candidateId(),
                                    a.jobId(), plan, Timestamps.now())));
                })
                .call(events::interviewScheduled);
    }

    @WithSession
    public Uni<Interview> get(String organizationId, String id) {
        return interviews.findById(organizationId, id).onItem().ifNull().failWith(() -> ApiException.notFound("Interview"));
    }

    @WithSession
    public Uni<Listing<Interview>> list(String organizationId, InterviewRepository.Filter filter, PageRequest page) {
        return Listing.of(page, i -> new Cursor(i.createdAt(), i.id()),
                (offset, limit) -> interviews.page(organizationId, filter, offset, limit),
                () -> interviews.count(organizationId, filter),
                (cursor, limit) -> interviews.after(organizationId, filter, cursor, limit));
    }

    public static InterviewRepository.Filter filter(String applicationId, String candidateId, String jobId, OffsetDateTime from,
                                                    OffsetDateTime to, String status) {
        return new InterviewRepository.Filter(FieldRules.id("applicationId", "app", applicationId),
                FieldRules.id("candidateId", "cand", candidateId), FieldRules.id("jobId", "job", jobId), from, to,
                status == null || status.isEmpty() ? null : FieldRules.oneOf("status", status, STATUSES));
    }

    @WithTransaction
    public Uni<Interview> reschedule(String organizationId, String id, Changes c) {
        return interviews.findByIdForUpdate(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Interview"))
                .chain(i -> {
                    if (Interview.CANCELLED.equals(i.status())) {
                        return Uni.createFrom().failure(new ApiException(ErrorCode.CONFLICT, "Interview is cancelled: schedule a new one"));
                    }
                    Interview.Plan before = i.plan();
                    NewInterview v = c.values();
                    Interview.Plan after = plan(new NewInterview(null, c.kindSet() ? v.kind() : before.kind(),
                            c.startsAtSet() ? v.startsAt() : before.startsAt(),
                            c.durationSet() ? v.durationMinutes() : Integer.valueOf(before.durationMinutes()),
                            c.interviewersSet() ? v.interviewers() : before.interviewers(),
                            c.locationSet() ? v.location() : before.location(), c.videoUrlSet() ? v.videoUrl() : before.videoUrl(),
                            c.agentIdSet() ? v.agentId() : before.agentId()));
                    List<String> changed = changed(before, after);
                    if (changed.isEmpty()) {
                        return Uni.createFrom().item(i);
                    }
                    boolean moved = changed.contains("startsAt") || changed.contains("durationMinutes") || changed.contains("interviewers");
                    return agentExists(organizationId, after)
                            .chain(() -> moved ? free(organizationId, i.id(), after) : Uni.createFrom().voidItem())
                            .invoke(() -> i.schedule(after, Timestamps.now()))
                            .call(() -> events.interviewRescheduled(i, before.startsAt(), changed))
                            .replaceWith(i);
                });
    }

    @WithTransaction
    public Uni<Interview> cancel(String organizationId, String id, String reason) {
        String why = FieldRules.optional("reason", reason, config.maxText());
        return interviews.findByIdForUpdate(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Interview"))
                .chain(i -> {
                    if (Interview.CANCELLED.equals(i.status())) {
                        // cancelling twice is not an error: the caller's wish already holds
                        return Uni.createFrom().item(i);
                    }
                    i.cancel(why, Timestamps.now());
                    return events.interviewCancelled(i).replaceWith(i);
                });
    }

    /**
     * One scorecard per interviewer: the first submission creates it, later ones revise it while the application is still
     * in the stage it was in at the first one; after the application moved on (or was rejected) the scorecard is final.
     */
    public Uni<Submission> submit(String organizationId, String interviewId, String interviewer, String recommendation,
                                  Map<String, Integer> ratings, String notes) {
        String who = FieldRules.required("interviewer", interviewer, config.maxField());
        Scorecard.Verdict verdict = new Scorecard.Verdict(FieldRules.oneOf("recommendation", recommendation, RECOMMENDATIONS),
                ratings(ratings), FieldRules.optional("notes", notes, config.maxText()));
        return record(organizationId, interviewId, who, verdict);
    }

    @WithTransaction
    Uni<Submission> record(String organizationId, String interviewId, String who, Scorecard.Verdict verdict) {
        // the interview's lock orders two submissions of one interviewer: the second revises the first
        return interviews.findByIdForUpdate(organizationId, interviewId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Interview"))
                .chain(i -> {
                    if (Interview.CANCELLED.equals(i.status())) {
                        return Uni.createFrom().failure(new ApiException(ErrorCode.CONFLICT, "Interview is cancelled: it takes no scorecards"));
                    }
                    if (!i.hasInterviewer(who)) {
                        return Uni.createFrom().failure(ApiException.validation("interviewer: not an interviewer of this interview ("
                                + String.join(", ", i.interviewers()) + ")"));
                    }
                    return applications.findById(organizationId, i.applicationId())
                            .chain(a -> scorecards.of(organizationId, i.id(), who)
                                    .chain(existing -> existing == null ? first(i, a, who, verdict) : revise(existing, a, verdict)));
                })
                .call(s -> events.scorecardSubmitted(s.scorecard(), !s.created()));
    }

    private Uni<Submission> first(Interview i, Application a, String who, Scorecard.Verdict verdict) {
        return scorecards.persist(new Scorecard(Ids.newId("scd"), i, a.stageId(), who, verdict, Timestamps.now()))
                .map(s -> new Submission(s, true));
    }

    private Uni<Submission> revise(Scorecard s, Application a, Scorecard.Verdict verdict) {
        if (a.status() != ApplicationStatus.ACTIVE || !a.stageId().equals(s.stageId())) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.CONFLICT,
                    "Scorecard is final: the application has left the stage it was submitted in"));
        }
        s.revise(verdict, Timestamps.now());
        return Uni.createFrom().item(new Submission(s, false));
    }

    @WithSession
    public Uni<List<Scorecard>> scorecards(String organizationId, String interviewId) {
        return interviews.findById(organizationId, interviewId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Interview"))
                .chain(i -> scorecards.ofInterview(organizationId, i.id()));
    }

    /** Refuses with 409, naming the person and the other interview, when an interviewer is already booked in the plan's time. */
    private Uni<Void> free(String organizationId, String self, Interview.Plan plan) {
        List<String> keys = plan.interviewerKeys();
        return interviews.lockCalendars(organizationId, keys)
                .chain(() -> interviews.overlapping(organizationId, self, keys, plan.startsAt(), plan.endsAt()))
                .invoke(other -> {
                    if (other != null) {
                        String who = plan.interviewers().stream().filter(other::hasInterviewer).findFirst().orElse(plan.interviewers().get(0));
                        throw new ApiException(ErrorCode.CONFLICT, "Interviewer " + who + " already has interview " + other.id() + " from "
                                + SHOWN.format(other.startsAt().withOffsetSameInstant(ZoneOffset.UTC)) + " to "
                                + SHOWN.format(other.endsAt().withOffsetSameInstant(ZoneOffset.UTC)) + ", which overlaps this one");
                    }
                })
                .replaceWithVoid();
    }

    private Interview.Plan plan(NewInterview in) {
        String kind = FieldRules.oneOf("kind", in.kind(), KINDS);
        if (in.startsAt() == null) {
            throw ApiException.validation("startsAt: required (an ISO-8601 date-time such as 2026-03-02T14:00:00Z)");
        }
        Integer minutes = in.durationMinutes();
        if (minutes == null || minutes < 1 || minutes > config.maxDurationMinutes()) {
            throw ApiException.validation("durationMinutes: must be between 1 and " + config.maxDurationMinutes());
        }
        List<String> people = FieldRules.people("interviewers", in.interviewers(), true, config.maxPeople(), config.maxField());
        String agent = FieldRules.id("agentId", "agt", in.agentId());
        if ("ai".equals(kind) && agent == null) {
            throw ApiException.validation("agentId: an interview of kind ai names its interview agent (agt_…)");
        }
        if (!"ai".equals(kind) && agent != null) {
            throw ApiException.validation("agentId: only an interview of kind ai has an interview agent");
        }
        return new Interview.Plan(kind, in.startsAt(), minutes, people, FieldRules.optional("location", in.location(), config.maxField()),
                FieldRules.url("videoUrl", in.videoUrl(), config.maxUrl()), agent);
    }

    private Uni<Void> agentExists(String organizationId, Interview.Plan plan) {
        return plan.agentId() == null ? Uni.createFrom().voidItem()
                : agents.findById(organizationId, plan.agentId())
                .onItem().ifNull().failWith(() -> ApiException.notFound("Interview agent"))
                .replaceWithVoid();
    }

    private Map<String, Integer> ratings(Map<String, Integer> ratings) {
        if (ratings == null) {
            return Map.of();
        }
        if (ratings.size() > config.maxRatings()) {
            throw ApiException.validation("ratings: at most " + config.maxRatings() + " attributes");
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        ratings.forEach((attribute, value) -> {
            String name = FieldRules.required("ratings", attribute, config.maxField());
            if (value == null || value < 1 || value > 4) {
                throw ApiException.validation("ratings." + name + ": must be a whole number from 1 to 4");
            }
            out.put(name, value);
        });
        return out;
    }

    static List<String> changed(Interview.Plan before, Interview.Plan after) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.kind(), after.kind())) changed.add("kind");
        if (!before.startsAt().isEqual(after.startsAt())) changed.add("startsAt");
        if (before.durationMinutes() != after.durationMinutes()) changed.add("durationMinutes");
        if (!before.interviewers().equals(after.interviewers())) changed.add("interviewers");
        if (!Objects.equals(before.location(), after.location())) changed.add("location");
        if (!Objects.equals(before.videoUrl(), after.videoUrl())) changed.add("videoUrl");
        if (!Objects.equals(before.agentId(), after.agentId())) changed.add("agentId");
        return changed;
    }
}
