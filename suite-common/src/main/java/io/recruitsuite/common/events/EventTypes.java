package io.recruitsuite.common.events;

/** The event types of the suite; the public webhook types are documented in docs/events.md. */
public final class EventTypes {

    public static final String CANDIDATE_CREATED = "candidate.created";
    public static final String CANDIDATE_UPDATED = "candidate.updated";
    public static final String CANDIDATE_DELETED = "candidate.deleted";
    public static final String DOCUMENT_UPLOAD = "document.upload";
    public static final String DOCUMENT_UPDATE = "document.update";
    public static final String DOCUMENT_DELETED = "document.deleted";
    public static final String JOB_CREATED = "job.created";
    public static final String JOB_UPDATED = "job.updated";
    public static final String APPLICATION_CREATED = "application.created";
    public static final String APPLICATION_STAGE_CHANGED = "application.stage_changed";
    public static final String APPLICATION_REJECTED = "application.rejected";
    public static final String INTERVIEW_SCHEDULED = "interview.scheduled";
    public static final String INTERVIEW_RESCHEDULED = "interview.rescheduled";
    public static final String INTERVIEW_CANCELLED = "interview.cancelled";
    public static final String SCORECARD_SUBMITTED = "scorecard.submitted";
    public static final String ASSESSMENT_COMPLETED = "assessment.completed";
    public static final String TASK_CREATED = "task.created";
    public static final String TASK_COMPLETED = "task.completed";
    public static final String MEETING_SCHEDULED = "meeting.scheduled";
    public static final String MEETING_UPDATED = "meeting.updated";
    public static final String MEETING_CANCELLED = "meeting.cancelled";
    public static final String AGENT_CREATED = "agent.created";
    public static final String AGENT_UPDATED = "agent.updated";
    public static final String AGENT_DELETED = "agent.deleted";
    public static final String PROSPECT_CREATED = "prospect.created";
    public static final String PROSPECT_CONVERTED = "prospect.converted";
    public static final String CAMPAIGN_CREATED = "campaign.created";
    public static final String CAMPAIGN_UPDATED = "campaign.updated";
    public static final String SEARCH_EXECUTE = "search.execute";
    public static final String FEEDBACK_SUBMIT = "feedback.submit";
    public static final String WEBHOOK_TEST = "webhook.test";
    public static final String KEY_CREATED = "key.created";
    public static final String KEY_REVOKED = "key.revoked";
    public static final String KEY_EXPIRED = "key.expired";
    public static final String KEY_INACTIVE = "key.inactive";
    public static final String PLAN_CHANGED = "organization.plan_changed";
    public static final String MEMBER_REMOVED = "member.removed";
    public static final String LIMITS_CHANGED = "organization.limits_changed";

    private EventTypes() {
    }
}
