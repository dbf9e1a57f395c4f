package io.recruitsuite.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonView;

import java.util.List;
import java.util.Map;

/**
 * The {@code data} of every domain event, one record per event type: written by the service that owns
 * the event and read by every consumer with the same record, so that renaming or retyping a field breaks
 * the build of each consumer instead of a test at run time. Components marked {@link Public} are the
 * ones a webhook receiver gets (docs/events.md); the rest (contact details, the CV text) stay inside.
 */
public sealed interface EventPayload {

    /** The view of a payload that leaves the platform in a webhook delivery. */
    interface Public {
    }

    // ------------------------------------------------------------ candidate-service: candidates and documents

    record CandidateCreated(@JsonView(Public.class) String candidateId, @JsonView(Public.class) String name, String email,
            String phone, @JsonView(Public.class) List<String> tags) implements EventPayload {
    }

    record CandidateUpdated(@JsonView(Public.class) String candidateId, @JsonView(Public.class) String name, String email,
            String phone, @JsonView(Public.class) List<String> tags, @JsonView(Public.class) List<String> changed) implements EventPayload {
    }

    record CandidateDeleted(@JsonView(Public.class) String candidateId, @JsonView(Public.class) List<String> documentIds)
            implements EventPayload {
    }

    /**
     * The public components come first, in the order seed 000 documents them. The event carries no CV text and no
     * email: the topic is not where a CV lives (docs/security.md, "Personal data: what is kept where"). The
     * search-service fetches the text from the candidate-service when it indexes; a document erased meanwhile is
     * simply not indexed. {@code candidateName} and {@code filename} stay because webhook receivers with
     * {@code candidates:read} get them (seed 000); the topic's retention bounds how long they are kept.
     */
    record DocumentUploaded(@JsonView(Public.class) String documentId, @JsonView(Public.class) String filename,
            @JsonView(Public.class) String candidateName, @JsonView(Public.class) long fileSize, @JsonView(Public.class) String candidateId,
            @JsonView(Public.class) String fileType, @JsonView(Public.class) int wordCount, @JsonView(Public.class) String uploadedAt,
            List<String> tags, String stage, List<String> jobIds) implements EventPayload {
    }

    /**
     * A document's searchable attribute changed: {@code field} is {@value #TAGS} (values are lists of
     * tags) or {@value #STAGE} (values are stage names or null).
     */
    record DocumentUpdated(@JsonView(Public.class) String documentId, @JsonView(Public.class) String candidateId,
            @JsonView(Public.class) String field, @JsonView(Public.class) Object oldValue, @JsonView(Public.class) Object newValue,
            @JsonView(Public.class) @JsonInclude(JsonInclude.Include.NON_NULL) List<String> tags) implements EventPayload {
        public static final String TAGS = "tags";
        public static final String STAGE = "stage";
    }

    record DocumentDeleted(@JsonView(Public.class) String documentId, @JsonView(Public.class) String candidateId) implements EventPayload {
    }

    // ------------------------------------------------------------ candidate-service: jobs and applications

    /** A stage of a job's pipeline; {@code type} is one of applied, screen, interview, offer, hired, custom. */
    record StageRef(String stageId, String name, int position, String type) {
    }

    /** A job's salary range: amounts from 0 (either may be null), an ISO 4217 currency, a period of year, month or hour. */
    record SalaryRange(java.math.BigDecimal min, java.math.BigDecimal max, String currency, String period) {
    }

    record JobCreated(@JsonView(Public.class) String jobId, @JsonView(Public.class) String title, @JsonView(Public.class) String status,
            String department, String location, String employmentType, List<StageRef> stages, SalaryRange salary, String remote,
            Integer openings) implements EventPayload {
    }

    record JobUpdated(@JsonView(Public.class) String jobId, @JsonView(Public.class) String title, @JsonView(Public.class) String status,
            String department, String location, String employmentType, List<StageRef> stages,
            @JsonView(Public.class) List<String> changed, SalaryRange salary, String remote, Integer openings) implements EventPayload {
    }

    record ApplicationCreated(@JsonView(Public.class) String applicationId, @JsonView(Public.class) String candidateId,
            @JsonView(Public.class) String jobId, @JsonView(Public.class) String status, @JsonView(Public.class) String stageId,
            @JsonView(Public.class) String stageName) implements EventPayload {
    }

    record ApplicationStageChanged(@JsonView(Public.class) String applicationId, @JsonView(Public.class) String candidateId,
            @JsonView(Public.class) String jobId, String status, @JsonView(Public.class) String fromStageId,
            @JsonView(Public.class) String fromStageName, @JsonView(Public.class) String toStageId,
            @JsonView(Public.class) String toStageName) implements EventPayload {
    }

    record ApplicationRejected(@JsonView(Public.class) String applicationId, @JsonView(Public.class) String candidateId,
            @JsonView(Public.class) String jobId, @JsonView(Public.class) String status, @JsonView(Public.class) String stageId,
            @JsonView(Public.class) String stageName, @JsonView(Public.class) String reason) implements EventPayload {
    }

    // ------------------------------------------------------------ candidate-service: interviews, assessments, tasks, meetings, prospects
    // Free text (titles, notes, reasons) may name a person and stays inside; the interviewers and attendees are the
    // organization's own people (user ids or work emails), not candidate data.

    record InterviewScheduled(@JsonView(Public.class) String interviewId, @JsonView(Public.class) String applicationId,
            @JsonView(Public.class) String candidateId, @JsonView(Public.class) String jobId, @JsonView(Public.class) String kind,
            @JsonView(Public.class) String startsAt, @JsonView(Public.class) String endsAt,
            @JsonView(Public.class) List<String> interviewers) implements EventPayload {
    }

    record InterviewRescheduled(@JsonView(Public.class) String interviewId, @JsonView(Public.class) String applicationId,
            @JsonView(Public.class) String candidateId, @JsonView(Public.class) String jobId, @JsonView(Public.class) String kind,
            @JsonView(Public.class) String startsAt, @JsonView(Public.class) String endsAt,
            @JsonView(Public.class) List<String> interviewers, @JsonView(Public.class) String previousStartsAt,
            @JsonView(Public.class) List<String> changed) implements EventPayload {
    }

    record InterviewCancelled(@JsonView(Public.class) String interviewId, @JsonView(Public.class) String applicationId,
            @JsonView(Public.class) String candidateId, @JsonView(Public.class) String jobId, @JsonView(Public.class) String startsAt,
            String reason) implements EventPayload {
    }

    record ScorecardSubmitted(@JsonView(Public.class) String scorecardId, @JsonView(Public.class) String interviewId,
            @JsonView(Public.class) String applicationId, @JsonView(Public.class) String candidateId,
            @JsonView(Public.class) String interviewer, @JsonView(Public.class) String recommendation,
            @JsonView(Public.class) Map<String, Integer> ratings, @JsonView(Public.class) boolean revised) implements EventPayload {
    }

    record AssessmentCompleted(@JsonView(Public.class) String assessmentId, @JsonView(Public.class) String applicationId,
            @JsonView(Public.class) String candidateId, @JsonView(Public.class) String jobId, @JsonView(Public.class) String name,
            @JsonView(Public.class) String provider, @JsonView(Public.class) Integer score, @JsonView(Public.class) Boolean passed,
            String reportUrl) implements EventPayload {
    }

    record TaskCreated(@JsonView(Public.class) String taskId, String title, @JsonView(Public.class) String assignee,
            @JsonView(Public.class) String dueAt, @JsonView(Public.class) String candidateId, @JsonView(Public.class) String applicationId,
            @JsonView(Public.class) String prospectId) implements EventPayload {
    }

    record TaskCompleted(@JsonView(Public.class) String taskId, @JsonView(Public.class) String assignee,
            @JsonView(Public.class) String completedAt, @JsonView(Public.class) String candidateId,
            @JsonView(Public.class) String applicationId, @JsonView(Public.class) String prospectId) implements EventPayload {
    }

    record MeetingScheduled(@JsonView(Public.class) String meetingId, String title, @JsonView(Public.class) String startsAt,
            @JsonView(Public.class) String endsAt, @JsonView(Public.class) List<String> attendees,
            @JsonView(Public.class) String candidateId, @JsonView(Public.class) String prospectId) implements EventPayload {
    }

    /** A meeting's time, title, attendees or notes changed; {@code changed} names the fields (the notes never travel). */
    record MeetingUpdated(@JsonView(Public.class) String meetingId, String title, @JsonView(Public.class) String startsAt,
            @JsonView(Public.class) String endsAt, @JsonView(Public.class) List<String> attendees,
            @JsonView(Public.class) String candidateId, @JsonView(Public.class) String prospectId,
            @JsonView(Public.class) String previousStartsAt, @JsonView(Public.class) List<String> changed) implements EventPayload {
    }

    /** A meeting was deleted: it will not take place. */
    record MeetingCancelled(@JsonView(Public.class) String meetingId, @JsonView(Public.class) String startsAt,
            @JsonView(Public.class) String candidateId, @JsonView(Public.class) String prospectId) implements EventPayload {
    }

    // ------------------------------------------------------------ candidate-service: interview agents

    /** An interview agent's configuration, without its instructions and questions (long texts the API serves). */
    record AgentCreated(@JsonView(Public.class) String agentId, @JsonView(Public.class) String name,
            @JsonView(Public.class) String language, @JsonView(Public.class) String voice, @JsonView(Public.class) String tone,
            @JsonView(Public.class) int questionCount) implements EventPayload {
    }

    record AgentUpdated(@JsonView(Public.class) String agentId, @JsonView(Public.class) String name,
            @JsonView(Public.class) String language, @JsonView(Public.class) String voice, @JsonView(Public.class) String tone,
            @JsonView(Public.class) int questionCount, @JsonView(Public.class) List<String> changed) implements EventPayload {
    }

    record AgentDeleted(@JsonView(Public.class) String agentId) implements EventPayload {
    }

    /** {@code name} is a contact field (delivered only with candidates:read); no other contact detail goes on the topic. */
    record ProspectCreated(@JsonView(Public.class) String prospectId, @JsonView(Public.class) String name,
            @JsonView(Public.class) String source, @JsonView(Public.class) List<String> tags) implements EventPayload {
    }

    record ProspectConverted(@JsonView(Public.class) String prospectId, @JsonView(Public.class) String candidateId,
            @JsonView(Public.class) String applicationId) implements EventPayload {
    }

    /** A stage of a campaign's pipeline template: its name and type, as a job's stages are given. */
    record TemplateStage(@JsonView(Public.class) String name, @JsonView(Public.class) String type) {
    }

    /** A hiring drive; {@code pipelineTemplate} is the stages its new jobs start from (empty: the default pipeline). */
    record CampaignCreated(@JsonView(Public.class) String campaignId, @JsonView(Public.class) String name,
            @JsonView(Public.class) String status, @JsonView(Public.class) String startsAt, @JsonView(Public.class) String endsAt,
            @JsonView(Public.class) List<String> jobIds, @JsonView(Public.class) List<TemplateStage> pipelineTemplate) implements EventPayload {
    }

    /** {@code changed} names the fields that changed ({@code jobIds} when a job was added or removed). */
    record CampaignUpdated(@JsonView(Public.class) String campaignId, @JsonView(Public.class) String name,
            @JsonView(Public.class) String status, @JsonView(Public.class) String startsAt, @JsonView(Public.class) String endsAt,
            @JsonView(Public.class) List<String> jobIds, @JsonView(Public.class) List<TemplateStage> pipelineTemplate,
            @JsonView(Public.class) List<String> changed) implements EventPayload {
    }

    // ------------------------------------------------------------ keys-service

    record KeyCreated(@JsonView(Public.class) String keyId, @JsonView(Public.class) String prefix, @JsonView(Public.class) String name,
            @JsonView(Public.class) List<String> scopes, @JsonView(Public.class) String createdBy) implements EventPayload {
    }

    record KeyRevoked(@JsonView(Public.class) String keyId, @JsonView(Public.class) String prefix, @JsonView(Public.class) String reason)
            implements EventPayload {
    }

    record KeyExpired(@JsonView(Public.class) String keyId, @JsonView(Public.class) String prefix, @JsonView(Public.class) String expiresAt)
            implements EventPayload {
    }

    record KeyInactive(@JsonView(Public.class) String keyId, @JsonView(Public.class) String prefix,
            @JsonView(Public.class) String lastUsedAt) implements EventPayload {
    }

    /**
     * {@code apiAccess}: whether {@code newPlan} includes API access (keys-service's plan table), so consumers need no
     * plan table of their own; null in events written before the field existed (then only {@code free} lacks access).
     */
    record PlanChanged(String organizationId, String oldPlan, String newPlan, Boolean apiAccess) implements EventPayload {

        /** Whether the new plan lacks API access; for events without {@code apiAccess}, whether it is {@code free}. */
        public boolean withoutApiAccess() {
            return apiAccess != null ? !apiAccess : "free".equals(newPlan);
        }
    }

    record MemberRemoved(String userId, List<String> revokedKeys) implements EventPayload {
    }

    /**
     * The organization's rate-limit windows after an operator set or reset its overrides: what every gateway
     * applies from its next verification of the organization's keys (it drops their cached verdicts on this event).
     */
    record LimitsChanged(String organizationId, int organizationPerMinute, int searchPerMinute, int keyPerMinute, int keyPerHour)
            implements EventPayload {
    }

    // ------------------------------------------------------------ search-service and webhook-service

    record SearchExecuted(@JsonView(Public.class) String query, @JsonView(Public.class) int resultCount) implements EventPayload {
    }

    record FeedbackSubmitted(@JsonView(Public.class) String documentId, @JsonView(Public.class) boolean isRelevant) implements EventPayload {
    }

    record WebhookTest(@JsonView(Public.class) String message) implements EventPayload {
    }
}
