package io.recruitsuite.candidate.reports;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.recruitsuite.candidate.applications.Application;
import io.recruitsuite.candidate.applications.ApplicationRepository;
import io.recruitsuite.candidate.applications.StageVisitRepository;
import io.recruitsuite.candidate.assessments.Assessment;
import io.recruitsuite.candidate.assessments.AssessmentRepository;
import io.recruitsuite.candidate.interviews.Interview;
import io.recruitsuite.candidate.interviews.InterviewRepository;
import io.recruitsuite.candidate.interviews.InterviewService;
import io.recruitsuite.candidate.interviews.Scorecard;
import io.recruitsuite.candidate.interviews.ScorecardRepository;
import io.recruitsuite.candidate.jobs.Job;
import io.recruitsuite.candidate.jobs.JobRepository;
import io.recruitsuite.candidate.jobs.StageRepository;
import io.recruitsuite.candidate.workflow.FieldRules;
import io.recruitsuite.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only reports computed from the stage history, interviews, scorecards and assessments in the database. */
@ApplicationScoped
public class ReportService {

    @Inject
    ApplicationRepository applications;
    @Inject
    InterviewRepository interviews;
    @Inject
    ScorecardRepository scorecards;
    @Inject
    AssessmentRepository assessments;
    @Inject
    JobRepository jobs;
    @Inject
    StageRepository stages;
    @Inject
    StageVisitRepository visits;

    /** Every interview with its scorecards, the recommendation tally, the mean of each rated attribute, and every assessment. */
    public record ApplicationReport(Application application, List<InterviewResult> interviews, Map<String, Long> recommendations,
                                    Map<String, Double> averageRatings, List<Assessment> assessments) {
    }

    public record InterviewResult(Interview interview, List<Scorecard> scorecards) {
    }

    public record PipelineResult(Job job, List<PipelineReport.StageRow> stages) {
    }

    @WithSession
    public Uni<ApplicationReport> application(String organizationId, String applicationId) {
        return applications.findById(organizationId, applicationId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Application"))
                .chain(a -> interviews.ofApplications(organizationId, List.of(a.id()))
                        .chain(is -> scorecards.ofApplication(organizationId, a.id())
                                .chain(cards -> assessments.ofApplication(organizationId, a.id())
                                        .map(tests -> applicationReport(a, is, cards, tests)))));
    }

    static ApplicationReport applicationReport(Application a, List<Interview> is, List<Scorecard> cards, List<Assessment> tests) {
        Map<String, Long> tally = new LinkedHashMap<>();
        InterviewService.RECOMMENDATIONS.forEach(r -> tally.put(r, 0L));
        Map<String, List<Double>> ratings = new LinkedHashMap<>();
        for (Scorecard s : cards) {
            tally.merge(s.recommendation(), 1L, Long::sum);
            s.ratings().forEach((attribute, value) -> ratings.computeIfAbsent(attribute, k -> new ArrayList<>()).add(value.doubleValue()));
        }
        Map<String, Double> averages = new LinkedHashMap<>();
        ratings.forEach((attribute, values) ->
                averages.put(attribute, ReportMath.round(values.stream().mapToDouble(Double::doubleValue).average().orElse(0))));
        List<InterviewResult> results = is.stream()
                .map(i -> new InterviewResult(i, cards.stream().filter(s -> s.interviewId().equals(i.id())).toList()))
                .toList();
        return new ApplicationReport(a, results, tally, averages, tests);
    }

    @WithSession
    public Uni<PipelineResult> pipeline(String organizationId, String jobId) {
        String job = FieldRules.requiredId("jobId", "job", jobId);
        return jobs.findById(organizationId, job)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Job"))
                .chain(j -> stages.stagesOf(organizationId, List.of(j.id()))
                        .chain(byJob -> visits.visitsOfJob(organizationId, j.id())
                                .map(history -> new PipelineResult(j, PipelineReport.compute(byJob.getOrDefault(j.id(), List.of()), history)))));
    }

    @WithSession
    public Uni<TimeToHire.Result> timeToHire(String organizationId, String jobId, OffsetDateTime from, OffsetDateTime to) {
        String job = FieldRules.id("jobId", "job", jobId);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.validation("to: must be after from");
        }
        return visits.hires(organizationId, job, from, to).map(TimeToHire::compute);
    }
}
