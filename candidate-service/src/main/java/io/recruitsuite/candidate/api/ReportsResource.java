package io.recruitsuite.candidate.api;

import io.recruitsuite.candidate.api.WorkflowViews.AssessmentView;
import io.recruitsuite.candidate.api.WorkflowViews.InterviewView;
import io.recruitsuite.candidate.api.WorkflowViews.ScorecardView;
import io.recruitsuite.candidate.reports.PipelineReport;
import io.recruitsuite.candidate.reports.ReportService;
import io.recruitsuite.candidate.reports.TimeToHire;
import io.recruitsuite.common.api.Envelope;
import io.recruitsuite.common.security.Caller;
import io.recruitsuite.common.security.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Seed 001's "results of tests and interviews" and the pipeline and time-to-hire reports; people appear by id only. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    @Inject
    Caller caller;
    @Inject
    ReportService reports;

    public record InterviewResultView(InterviewView interview, List<ScorecardView> scorecards) {
    }

    public record ApplicationReportView(String applicationId, String candidateId, String jobId, String status, String currentStageId,
                                        List<InterviewResultView> interviews, Map<String, Long> recommendations,
                                        Map<String, Double> averageRatings, List<AssessmentView> assessments) {
    }

    public record PipelineReportView(String jobId, String title, List<PipelineReport.StageRow> stages) {
    }

    public record TimeToHireView(OffsetDateTime from, OffsetDateTime to, TimeToHire.Summary overall, List<TimeToHire.JobSummary> jobs) {
    }

    @GET
    @Path("/applications/{id}")
    @RolesAllowed(Scopes.REPORTS_READ)
    public Uni<Envelope<ApplicationReportView>> application(@PathParam("id") String id) {
        return reports.application(caller.organizationId(), id).map(r -> {
            var a = r.application();
            List<InterviewResultView> interviews = r.interviews().stream()
                    .map(i -> new InterviewResultView(InterviewView.of(i.interview()), i.scorecards().stream().map(ScorecardView::of).toList()))
                    .toList();
            return Envelope.of(new ApplicationReportView(a.id(), a.candidateId(), a.jobId(), a.status().wire(), a.stageId(), interviews,
                    r.recommendations(), r.averageRatings(), r.assessments().stream().map(AssessmentView::of).toList()));
        });
    }

    @GET
    @Path("/pipeline")
    @RolesAllowed(Scopes.REPORTS_READ)
    public Uni<Envelope<PipelineReportView>> pipeline(@QueryParam("jobId") String jobId) {
        return reports.pipeline(caller.organizationId(), jobId)
                .map(r -> Envelope.of(new PipelineReportView(r.job().id(), r.job().title(), r.stages())));
    }

    @GET
    @Path("/time-to-hire")
    @RolesAllowed(Scopes.REPORTS_READ)
    public Uni<Envelope<TimeToHireView>> timeToHire(@QueryParam("from") String from, @QueryParam("to") String to,
                                                   @QueryParam("jobId") String jobId) {
        OffsetDateTime since = JsonFields.time("from", from);
        OffsetDateTime until = JsonFields.time("to", to);
        return reports.timeToHire(caller.organizationId(), jobId, since, until)
                .map(r -> Envelope.of(new TimeToHireView(since, until, r.overall(), r.jobs())));
    }
}
