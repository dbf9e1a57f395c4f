package io.recruitsuite.candidate.api;

import io.recruitsuite.candidate.candidates.CandidateRules;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the JSON bodies read as trees ({@link JsonFields}, where an absent field differs from null) look like, for the
 * OpenAPI document only: each resource method names its record with {@code @RequestBody}, and the body is still read as
 * before, so nothing here is ever deserialized. The bounds repeat the configured limits (application.properties);
 * {@code RequestBodySchemasTest} fails when the two differ. In a PATCH only the fields present change, and null clears a
 * field that may be empty.
 */
public final class RequestBodies {

    // the configured limits as the document states them (checked against the configuration by RequestBodySchemasTest)
    static final int JOB_MAX_TITLE = 200;
    static final int JOB_MAX_TEXT = 10000;
    static final int JOB_MAX_FIELD = 200;
    static final int JOB_MAX_STAGES = 20;
    static final int JOB_MAX_STAGE_NAME = 60;
    static final int JOB_MAX_OPENINGS = 10000;
    static final String JOB_MAX_AMOUNT = "999999999999.99";
    static final int NOTE_MAX_BODY = 10000;
    static final int REJECTION_MAX_REASON = 1000;
    static final int WORKFLOW_MAX_TITLE = 300;
    static final int WORKFLOW_MAX_TEXT = 10000;
    static final int WORKFLOW_MAX_FIELD = 254;
    static final int WORKFLOW_MAX_URL = 2000;
    static final int WORKFLOW_MAX_PEOPLE = 20;
    static final int WORKFLOW_MAX_DURATION_MINUTES = 480;
    static final int WORKFLOW_MAX_RATINGS = 30;
    static final int WORKFLOW_MAX_QUESTIONS = 50;

    static final String DATE_TIME = "date-time";
    static final String ISO_TIME = "an ISO-8601 date-time with an offset, such as 2026-03-02T14:00:00Z";

    private RequestBodies() {
    }

    // ------------------------------------------------------------ candidates and notes

    @Schema(name = "CandidateChanges", description = "PATCH /candidates/{id}: only the fields given change; null clears email, phone, "
            + "firstName and lastName, and empties tags")
    public record CandidateChanges(
            @Schema(description = "the display name; may not be cleared", minLength = 1, maxLength = CandidateRules.MAX_NAME) String name,
            @Schema(description = "a display name made from firstName and lastName follows them", nullable = true,
                    maxLength = CandidateRules.MAX_NAME_PART) String firstName,
            @Schema(nullable = true, maxLength = CandidateRules.MAX_NAME_PART) String lastName,
            @Schema(nullable = true, format = "email", maxLength = CandidateRules.MAX_EMAIL) String email,
            @Schema(nullable = true, maxLength = CandidateRules.MAX_PHONE) String phone,
            @Schema(description = "replaces the candidate's tags (and every document's); each 1 to " + CandidateRules.MAX_TAG + " characters",
                    nullable = true, maxItems = CandidateRules.MAX_TAGS) List<String> tags) {
    }

    @Schema(name = "NewNote", description = "A note on a candidate or a prospect; its author is the calling user or key")
    public record NewNote(
            @Schema(required = true, minLength = 1, maxLength = NOTE_MAX_BODY) String body) {
    }

    // ------------------------------------------------------------ jobs

    @Schema(name = "StageInput", description = "A stage of a new pipeline; a bare stage name (a string) is accepted as well")
    public record StageInput(
            @Schema(required = true, minLength = 1, maxLength = JOB_MAX_STAGE_NAME,
                    description = "unique within the pipeline, regardless of case") String name,
            @Schema(enumeration = {"applied", "screen", "interview", "offer", "hired", "custom"},
                    description = "inferred from the name when absent (Applied, Screen or Screening, Interview, Offer, Hired; custom otherwise)")
            String type) {
    }

    @Schema(name = "SalaryInput", description = "A salary range: a currency and at least one bound; null (for the whole object) clears it")
    public record SalaryInput(
            @Schema(minimum = "0", maximum = JOB_MAX_AMOUNT, description = "at most max; two decimals at most") BigDecimal min,
            @Schema(minimum = "0", maximum = JOB_MAX_AMOUNT, description = "at least min; two decimals at most") BigDecimal max,
            @Schema(required = true, pattern = "^[A-Z]{3}$", description = "an ISO 4217 code such as USD, EUR, NGN") String currency,
            @Schema(enumeration = {"year", "month", "hour"}, defaultValue = "year") String period) {
    }

    @Schema(name = "NewJob", description = "POST /jobs")
    public record NewJob(
            @Schema(required = true, minLength = 1, maxLength = JOB_MAX_TITLE) String title,
            @Schema(maxLength = JOB_MAX_TEXT) String description,
            @Schema(maxLength = JOB_MAX_FIELD) String department,
            @Schema(maxLength = JOB_MAX_FIELD) String location,
            @Schema(maxLength = JOB_MAX_FIELD, description = "free text, such as full_time") String employmentType,
            @Schema(enumeration = {"draft", "published", "closed"}, defaultValue = "draft") String status,
            @Schema(minItems = 1, maxItems = JOB_MAX_STAGES, description = "the pipeline in order, each a name or {name, type}; "
                    + "the configured default pipeline when absent; fixed once the job exists") List<StageInput> stages,
            SalaryInput salary,
            @Schema(enumeration = {"onsite", "hybrid", "remote"}) String remote,
            @Schema(minimum = "1", maximum = "" + JOB_MAX_OPENINGS, defaultValue = "1") Integer openings,
            @Schema(description = "adds the job to this campaign (cmp_…), starting from its pipeline template when no stages are given; "
                    + "needs campaigns:write as well") String campaignId) {
    }

    @Schema(name = "JobChanges", description = "PATCH /jobs/{id}: only the fields given change; null clears description, department, "
            + "location, employmentType, salary and remote. Stages and the campaign are fixed at creation")
    public record JobChanges(
            @Schema(minLength = 1, maxLength = JOB_MAX_TITLE) String title,
            @Schema(nullable = true, maxLength = JOB_MAX_TEXT) String description,
            @Schema(nullable = true, maxLength = JOB_MAX_FIELD) String department,
            @Schema(nullable = true, maxLength = JOB_MAX_FIELD) String location,
            @Schema(nullable = true, maxLength = JOB_MAX_FIELD) String employmentType,
            @Schema(enumeration = {"draft", "published", "closed"}) String status,
            SalaryInput salary,
            @Schema(enumeration = {"onsite", "hybrid", "remote"}, description = "null clears it") String remote,
            @Schema(minimum = "1", maximum = "" + JOB_MAX_OPENINGS, description = "null sets it back to one") Integer openings) {
    }

    // ------------------------------------------------------------ applications and the pipeline

    @Schema(name = "NewApplication", description = "POST /applications: the candidate applies to the job, at its first stage unless stageId names another")
    public record NewApplication(
            @Schema(required = true, description = "cand_…") String candidateId,
            @Schema(required = true, description = "job_…") String jobId,
            @Schema(description = "stg_…, a stage of that job") String stageId) {
    }

    @Schema(name = "Rejection", description = "The body is optional: a bare POST rejects without a reason")
    public record Rejection(
            @Schema(maxLength = REJECTION_MAX_REASON, nullable = true) String reason) {
    }

    // ------------------------------------------------------------ interviews and scorecards

    @Schema(name = "NewInterview", description = "POST /interviews; an interviewer booked elsewhere at an overlapping time is a 409")
    public record NewInterview(
            @Schema(required = true, description = "app_…") String applicationId,
            @Schema(required = true, enumeration = {"phone", "video", "onsite", "technical", "panel", "ai", "other"},
                    description = "ai needs agentId") String kind,
            @Schema(required = true, format = DATE_TIME, description = ISO_TIME) String startsAt,
            @Schema(required = true, minimum = "1", maximum = "" + WORKFLOW_MAX_DURATION_MINUTES) Integer durationMinutes,
            @Schema(required = true, minItems = 1, maxItems = WORKFLOW_MAX_PEOPLE,
                    description = "user ids or emails, each 1 to " + WORKFLOW_MAX_FIELD + " characters; duplicates (ignoring case) count once")
            List<String> interviewers,
            @Schema(maxLength = WORKFLOW_MAX_FIELD) String location,
            @Schema(format = "uri", maxLength = WORKFLOW_MAX_URL, description = "an http or https URL") String videoUrl,
            @Schema(description = "agt_…: the interview agent of an interview of kind ai (only then)") String agentId) {
    }

    @Schema(name = "InterviewChanges", description = "PATCH /interviews/{id}, a reschedule: only the fields given change; "
            + "null clears location, videoUrl and agentId. The application is fixed")
    public record InterviewChanges(
            @Schema(enumeration = {"phone", "video", "onsite", "technical", "panel", "ai", "other"}) String kind,
            @Schema(format = DATE_TIME, description = ISO_TIME) String startsAt,
            @Schema(minimum = "1", maximum = "" + WORKFLOW_MAX_DURATION_MINUTES) Integer durationMinutes,
            @Schema(minItems = 1, maxItems = WORKFLOW_MAX_PEOPLE, description = "user ids or emails") List<String> interviewers,
            @Schema(nullable = true, maxLength = WORKFLOW_MAX_FIELD) String location,
            @Schema(nullable = true, format = "uri", maxLength = WORKFLOW_MAX_URL) String videoUrl,
            @Schema(nullable = true, description = "agt_…") String agentId) {
    }

    @Schema(name = "InterviewCancellation", description = "The body is optional: a bare POST cancels without a reason")
    public record InterviewCancellation(
            @Schema(nullable = true, maxLength = WORKFLOW_MAX_TEXT, description = "kept internal: never in events") String reason) {
    }

    @Schema(name = "NewScorecard", description = "One scorecard per interviewer: a second one from the same interviewer revises theirs "
            + "while the application is still at the interview's stage")
    public record NewScorecard(
            @Schema(required = true, minLength = 1, maxLength = WORKFLOW_MAX_FIELD, description = "a user id or email") String interviewer,
            @Schema(required = true, enumeration = {"strong_no", "no", "yes", "strong_yes"}) String recommendation,
            @Schema(type = SchemaType.OBJECT, maxProperties = WORKFLOW_MAX_RATINGS, additionalProperties = Rating.class,
                    description = "attribute name (1 to " + WORKFLOW_MAX_FIELD + " characters) to a rating from 1 to 4") Object ratings,
            @Schema(maxLength = WORKFLOW_MAX_TEXT, description = "kept internal: never in events") String notes) {
    }

    /** A rating of one attribute. */
    @Schema(name = "Rating", type = SchemaType.INTEGER, minimum = "1", maximum = "4")
    public static final class Rating {
        private Rating() {
        }
    }

    // ------------------------------------------------------------ assessments

    @Schema(name = "NewAssessment", description = "POST /assessments: a test sent to an application")
    public record NewAssessment(
            @Schema(required = true, description = "app_…") String applicationId,
            @Schema(required = true, minLength = 1, maxLength = WORKFLOW_MAX_TITLE) String name,
            @Schema(maxLength = WORKFLOW_MAX_FIELD) String provider,
            @Schema(format = DATE_TIME, description = ISO_TIME) String dueAt,
            @Schema(enumeration = {"sent", "started", "completed", "expired"}, defaultValue = "sent") String status,
            @Schema(minimum = "0", maximum = "100", description = "only with status completed") Integer score,
            @Schema(description = "only with status completed") Boolean passed,
            @Schema(format = "uri", maxLength = WORKFLOW_MAX_URL) String reportUrl) {
    }

    @Schema(name = "AssessmentChanges", description = "PATCH /assessments/{id}: only the fields given change; a completed assessment's "
            + "result is final (409). The application is fixed")
    public record AssessmentChanges(
            @Schema(minLength = 1, maxLength = WORKFLOW_MAX_TITLE) String name,
            @Schema(nullable = true, maxLength = WORKFLOW_MAX_FIELD) String provider,
            @Schema(nullable = true, format = DATE_TIME, description = ISO_TIME) String dueAt,
            @Schema(enumeration = {"sent", "started", "completed", "expired"}) String status,
            @Schema(nullable = true, minimum = "0", maximum = "100", description = "only with status completed") Integer score,
            @Schema(nullable = true, description = "only with status completed") Boolean passed,
            @Schema(nullable = true, format = "uri", maxLength = WORKFLOW_MAX_URL) String reportUrl) {
    }

    // ------------------------------------------------------------ tasks, meetings, prospects

    @Schema(name = "NewTask", description = "POST /tasks: about at most one candidate, application or prospect")
    public record NewTask(
            @Schema(required = true, minLength = 1, maxLength = WORKFLOW_MAX_TITLE) String title,
            @Schema(format = DATE_TIME, description = ISO_TIME) String dueAt,
            @Schema(maxLength = WORKFLOW_MAX_FIELD, description = "a user id or email") String assignee,
            @Schema(description = "cand_…") String candidateId,
            @Schema(description = "app_…") String applicationId,
            @Schema(description = "prs_…") String prospectId,
            @Schema(enumeration = {"open", "done"}, defaultValue = "open") String status) {
    }

    @Schema(name = "TaskChanges", description = "PATCH /tasks/{id}: only the fields given change; null clears dueAt and assignee. "
            + "What a task is about is fixed")
    public record TaskChanges(
            @Schema(minLength = 1, maxLength = WORKFLOW_MAX_TITLE) String title,
            @Schema(nullable = true, format = DATE_TIME, description = ISO_TIME) String dueAt,
            @Schema(nullable = true, maxLength = WORKFLOW_MAX_FIELD) String assignee,
            @Schema(enumeration = {"open", "done"}) String status) {
    }

    @Schema(name = "NewMeeting", description = "POST /meetings: with a candidate or a prospect (or neither)")
    public record NewMeeting(
            @Schema(description = "cand_…") String candidateId,
            @Schema(description = "prs_…") String prospectId,
            @Schema(required = true, minLength = 1, maxLength = WORKFLOW_MAX_TITLE) String title,
            @Schema(required = true, format = DATE_TIME, description = ISO_TIME) String startsAt,
            @Schema(required = true, format = DATE_TIME, description = "after startsAt, at most " + WORKFLOW_MAX_DURATION_MINUTES
                    + " minutes later") String endsAt,
            @Schema(maxItems = WORKFLOW_MAX_PEOPLE, description = "user ids or emails") List<String> attendees,
            @Schema(maxLength = WORKFLOW_MAX_TEXT) String notes) {
    }

    @Schema(name = "MeetingChanges", description = "PATCH /meetings/{id}: only the fields given change; null empties attendees and "
            + "clears notes. Who the meeting is with is fixed")
    public record MeetingChanges(
            @Schema(minLength = 1, maxLength = WORKFLOW_MAX_TITLE) String title,
            @Schema(format = DATE_TIME, description = ISO_TIME) String startsAt,
            @Schema(format = DATE_TIME, description = "after startsAt, at most " + WORKFLOW_MAX_DURATION_MINUTES + " minutes later")
            String endsAt,
            @Schema(nullable = true, maxItems = WORKFLOW_MAX_PEOPLE, description = "user ids or emails") List<String> attendees,
            @Schema(nullable = true, maxLength = WORKFLOW_MAX_TEXT) String notes) {
    }

    @Schema(name = "NewProspect", description = "POST /prospects: a firstName or a lastName is required")
    public record NewProspect(
            @Schema(maxLength = CandidateRules.MAX_NAME_PART) String firstName,
            @Schema(maxLength = CandidateRules.MAX_NAME_PART) String lastName,
            @Schema(format = "email", maxLength = CandidateRules.MAX_EMAIL) String email,
            @Schema(maxLength = CandidateRules.MAX_PHONE) String phone,
            @Schema(maxLength = WORKFLOW_MAX_FIELD, description = "where the prospect was sourced, such as linkedin or referral") String source,
            @Schema(maxItems = CandidateRules.MAX_TAGS, description = "each 1 to " + CandidateRules.MAX_TAG + " characters") List<String> tags,
            @Schema(format = "uri", maxLength = WORKFLOW_MAX_URL) String linkedinUrl) {
    }

    @Schema(name = "ProspectChanges", description = "PATCH /prospects/{id}: only the fields given change; null clears a field "
            + "(a firstName or a lastName must remain)")
    public record ProspectChanges(
            @Schema(nullable = true, maxLength = CandidateRules.MAX_NAME_PART) String firstName,
            @Schema(nullable = true, maxLength = CandidateRules.MAX_NAME_PART) String lastName,
            @Schema(nullable = true, format = "email", maxLength = CandidateRules.MAX_EMAIL) String email,
            @Schema(nullable = true, maxLength = CandidateRules.MAX_PHONE) String phone,
            @Schema(nullable = true, maxLength = WORKFLOW_MAX_FIELD) String source,
            @Schema(nullable = true, maxItems = CandidateRules.MAX_TAGS) List<String> tags,
            @Schema(nullable = true, format = "uri", maxLength = WORKFLOW_MAX_URL) String linkedinUrl) {
    }

    @Schema(name = "ProspectConversion", description = "The body is optional: without jobId the prospect becomes a candidate only")
    public record ProspectConversion(
            @Schema(description = "job_…: the new candidate also applies to this job (needs applications:write)") String jobId,
            @Schema(description = "stg_…: the stage of that job to start at; its first stage when absent") String stageId) {
    }

    // ------------------------------------------------------------ campaigns and interview agents

    @Schema(name = "NewCampaign", description = "POST /campaigns")
    public record NewCampaign(
            @Schema(required = true, minLength = 1, maxLength = WORKFLOW_MAX_TITLE) String name,
            @Schema(enumeration = {"draft", "active", "closed"}, defaultValue = "draft") String status,
            @Schema(format = DATE_TIME, description = ISO_TIME) String startsAt,
            @Schema(format = DATE_TIME, description = "after startsAt") String endsAt,
            @Schema(maxItems = JOB_MAX_STAGES, description = "the stages new jobs of the campaign start from, each a name or {name, type}")
            List<StageInput> pipelineTemplate) {
    }

    @Schema(name = "CampaignChanges", description = "PATCH /campaigns/{id}: only the fields given change; null clears startsAt, endsAt "
            + "and pipelineTemplate")
    public record CampaignChanges(
            @Schema(minLength = 1, maxLength = WORKFLOW_MAX_TITLE) String name,
            @Schema(enumeration = {"draft", "active", "closed"}) String status,
            @Schema(nullable = true, format = DATE_TIME, description = ISO_TIME) String startsAt,
            @Schema(nullable = true, format = DATE_TIME, description = "after startsAt") String endsAt,
            @Schema(nullable = true, maxItems = JOB_MAX_STAGES) List<StageInput> pipelineTemplate) {
    }

    @Schema(name = "CampaignJob", description = "An existing job to add to the campaign; adding one already there changes nothing")
    public record CampaignJob(
            @Schema(required = true, description = "job_…") String jobId) {
    }

    @Schema(name = "NewAgent", description = "POST /agents: an automated interviewer's configuration")
    public record NewAgent(
            @Schema(required = true, minLength = 1, maxLength = WORKFLOW_MAX_TITLE) String name,
            @Schema(required = true, maxLength = WORKFLOW_MAX_FIELD, description = "a BCP 47 language tag such as en, en-GB or pt-BR")
            String language,
            @Schema(maxLength = WORKFLOW_MAX_FIELD) String voice,
            @Schema(maxLength = WORKFLOW_MAX_FIELD) String tone,
            @Schema(maxLength = WORKFLOW_MAX_TEXT) String instructions,
            @Schema(maxItems = WORKFLOW_MAX_QUESTIONS, description = "each 1 to " + WORKFLOW_MAX_TITLE + " characters") List<String> questions) {
    }

    @Schema(name = "AgentChanges", description = "PATCH /agents/{id}: only the fields given change; null clears voice, tone and "
            + "instructions, and empties questions")
    public record AgentChanges(
            @Schema(minLength = 1, maxLength = WORKFLOW_MAX_TITLE) String name,
            @Schema(maxLength = WORKFLOW_MAX_FIELD, description = "a BCP 47 language tag") String language,
            @Schema(nullable = true, maxLength = WORKFLOW_MAX_FIELD) String voice,
            @Schema(nullable = true, maxLength = WORKFLOW_MAX_FIELD) String tone,
            @Schema(nullable = true, maxLength = WORKFLOW_MAX_TEXT) String instructions,
            @Schema(nullable = true, maxItems = WORKFLOW_MAX_QUESTIONS) List<String> questions) {
    }
}
