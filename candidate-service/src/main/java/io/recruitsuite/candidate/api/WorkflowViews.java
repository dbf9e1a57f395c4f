package io.recruitsuite.candidate.api;

import io.recruitsuite.candidate.assessments.Assessment;
import io.recruitsuite.candidate.interviews.Interview;
import io.recruitsuite.candidate.interviews.Scorecard;
import io.recruitsuite.candidate.meetings.Meeting;
import io.recruitsuite.candidate.prospects.Prospect;
import io.recruitsuite.candidate.prospects.ProspectService.Conversion;
import io.recruitsuite.candidate.tasks.Task;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Wire shapes of the hiring workflow: prospects, tasks, interviews, scorecards, assessments, meetings. People appear by id. */
public final class WorkflowViews {

    private WorkflowViews() {
    }

    /** A prospect with its contact details, for callers with candidates:read. */
    public record ProspectView(String id, String name, String firstName, String lastName, String email, String phone, String source,
                               List<String> tags, String linkedinUrl, String candidateId, OffsetDateTime convertedAt,
                               OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** A prospect without who it is (no name, email, phone or profile): what a caller without candidates:read sees. */
    public record ProspectRef(String id, String source, List<String> tags, String candidateId, OffsetDateTime convertedAt,
                              OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public static Object prospect(Prospect p, boolean contact) {
        return contact
                ? new ProspectView(p.id(), p.name(), p.firstName(), p.lastName(), p.email(), p.phone(), p.source(), p.tags(),
                p.linkedinUrl(), p.candidateId(), p.convertedAt(), p.createdAt(), p.updatedAt())
                : new ProspectRef(p.id(), p.source(), p.tags(), p.candidateId(), p.convertedAt(), p.createdAt(), p.updatedAt());
    }

    public record ConversionView(Object prospect, String candidateId, String applicationId) {
        public static ConversionView of(Conversion c, boolean contact) {
            return new ConversionView(WorkflowViews.prospect(c.prospect(), contact), c.candidateId(), c.applicationId());
        }
    }

    public record TaskView(String id, String title, String status, OffsetDateTime dueAt, String assignee, String candidateId,
                           String applicationId, String prospectId, OffsetDateTime completedAt, OffsetDateTime createdAt,
                           OffsetDateTime updatedAt) {
        public static TaskView of(Task t) {
            return new TaskView(t.id(), t.title(), t.status(), t.dueAt(), t.assignee(), t.candidateId(), t.applicationId(), t.prospectId(),
                    t.completedAt(), t.createdAt(), t.updatedAt());
        }
    }

    public record InterviewView(String id, String applicationId, String candidateId, String jobId, String kind, String status,
                                OffsetDateTime startsAt, OffsetDateTime endsAt, int durationMinutes, List<String> interviewers,
                                String location, String videoUrl, String cancelReason, OffsetDateTime cancelledAt,
                                OffsetDateTime createdAt, OffsetDateTime updatedAt, String agentId) {
        public static InterviewView of(Interview i) {
            return new InterviewView(i.id(), i.applicationId(), i.candidateId(), i.jobId(), i.kind(), i.status(), i.startsAt(), i.endsAt(),
                    i.durationMinutes(), i.interviewers(), i.location(), i.videoUrl(), i.cancelReason(), i.cancelledAt(), i.createdAt(),
                    i.updatedAt(), i.agentId());
        }
    }

    public record ScorecardView(String id, String interviewId, String applicationId, String candidateId, String interviewer,
                                String recommendation, Map<String, Integer> ratings, String notes, OffsetDateTime submittedAt,
                                OffsetDateTime updatedAt) {
        public static ScorecardView of(Scorecard s) {
            return new ScorecardView(s.id(), s.interviewId(), s.applicationId(), s.candidateId(), s.interviewer(), s.recommendation(),
                    s.ratings(), s.notes(), s.submittedAt(), s.updatedAt());
        }
    }

    public record AssessmentView(String id, String applicationId, String candidateId, String jobId, String name, String provider,
                                 String status, OffsetDateTime dueAt, Integer score, Boolean passed, String reportUrl,
                                 OffsetDateTime completedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        public static AssessmentView of(Assessment a) {
            return new AssessmentView(a.id(), a.applicationId(), a.candidateId(), a.jobId(), a.name(), a.provider(), a.status(), a.dueAt(),
                    a.score(), a.passed(), a.reportUrl(), a.completedAt(), a.createdAt(), a.updatedAt());
        }
    }

    public record AgentView(String id, String name, String language, String voice, String tone, String instructions,
                            List<String> questions, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        public static AgentView of(io.recruitsuite.candidate.agents.InterviewAgent a) {
            return new AgentView(a.id(), a.name(), a.language(), a.voice(), a.tone(), a.instructions(), a.questions(), a.createdAt(),
                    a.updatedAt());
        }
    }

    public record MeetingView(String id, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, List<String> attendees,
                              String candidateId, String prospectId, String notes, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        public static MeetingView of(Meeting m) {
            return new MeetingView(m.id(), m.title(), m.startsAt(), m.endsAt(), m.attendees(), m.candidateId(), m.prospectId(), m.notes(),
                    m.createdAt(), m.updatedAt());
        }
    }

    /** A campaign: the jobs it groups by id, and the pipeline template its new jobs start from (empty: the default pipeline). */
    public record CampaignView(String id, String name, String status, OffsetDateTime startsAt, OffsetDateTime endsAt, List<String> jobIds,
                               List<TemplateStageView> pipelineTemplate, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        public static CampaignView of(io.recruitsuite.candidate.campaigns.Campaign c) {
            return new CampaignView(c.id(), c.name(), c.status(), c.startsAt(), c.endsAt(), c.jobIds(),
                    c.template().stream().map(s -> new TemplateStageView(s.name(), s.type())).toList(), c.createdAt(), c.updatedAt());
        }
    }

    /** A stage of a campaign's pipeline template, in the shape a job's stages are given. */
    public record TemplateStageView(String name, String type) {
    }
}
