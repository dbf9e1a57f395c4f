package io.recruitsuite.common.events;

import io.recruitsuite.common.error.StrictJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.common.events.EventPayload.ApplicationCreated;
import io.recruitsuite.common.events.EventPayload.ApplicationRejected;
import io.recruitsuite.common.events.EventPayload.ApplicationStageChanged;
import io.recruitsuite.common.events.EventPayload.CampaignCreated;
import io.recruitsuite.common.events.EventPayload.CampaignUpdated;
import io.recruitsuite.common.events.EventPayload.CandidateCreated;
import io.recruitsuite.common.events.EventPayload.CandidateDeleted;
import io.recruitsuite.common.events.EventPayload.CandidateUpdated;
import io.recruitsuite.common.events.EventPayload.DocumentDeleted;
import io.recruitsuite.common.events.EventPayload.DocumentUpdated;
import io.recruitsuite.common.events.EventPayload.DocumentUploaded;
import io.recruitsuite.common.events.EventPayload.FeedbackSubmitted;
import io.recruitsuite.common.events.EventPayload.JobCreated;
import io.recruitsuite.common.events.EventPayload.JobUpdated;
import io.recruitsuite.common.events.EventPayload.KeyCreated;
import io.recruitsuite.common.events.EventPayload.KeyExpired;
import io.recruitsuite.common.events.EventPayload.KeyInactive;
import io.recruitsuite.common.events.EventPayload.KeyRevoked;
import io.recruitsuite.common.events.EventPayload.LimitsChanged;
import io.recruitsuite.common.events.EventPayload.MemberRemoved;
import io.recruitsuite.common.events.EventPayload.PlanChanged;
import io.recruitsuite.common.events.EventPayload.SearchExecuted;
import io.recruitsuite.common.events.EventPayload.WebhookTest;
import io.recruitsuite.common.events.EventPayload.AssessmentCompleted;
import io.recruitsuite.common.events.EventPayload.InterviewCancelled;
import io.recruitsuite.common.events.EventPayload.InterviewRescheduled;
import io.recruitsuite.common.events.EventPayload.InterviewScheduled;
import io.recruitsuite.common.events.EventPayload.MeetingCancelled;
import io.recruitsuite.common.events.EventPayload.MeetingScheduled;
import io.recruitsuite.common.events.EventPayload.MeetingUpdated;
import io.recruitsuite.common.events.EventPayload.AgentCreated;
import io.recruitsuite.common.events.EventPayload.AgentDeleted;
import io.recruitsuite.common.events.EventPayload.AgentUpdated;
import io.recruitsuite.common.events.EventPayload.ProspectConverted;
import io.recruitsuite.common.events.EventPayload.ProspectCreated;
import io.recruitsuite.common.events.EventPayload.ScorecardSubmitted;
import io.recruitsuite.common.events.EventPayload.TaskCompleted;
import io.recruitsuite.common.events.EventPayload.TaskCreated;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalogue of domain event types: what each is called, where it travels and what it carries. */
public final class Events {

    public static final EventType<CandidateCreated> CANDIDATE_CREATED = candidate(EventTypes.CANDIDATE_CREATED, CandidateCreated.class, true);
    public static final EventType<CandidateUpdated> CANDIDATE_UPDATED = candidate(EventTypes.CANDIDATE_UPDATED, CandidateUpdated.class, true);
    public static final EventType<CandidateDeleted> CANDIDATE_DELETED = candidate(EventTypes.CANDIDATE_DELETED, CandidateDeleted.class, true);
    public static final EventType<DocumentUploaded> DOCUMENT_UPLOAD = candidate(EventTypes.DOCUMENT_UPLOAD, DocumentUploaded.class, true);
    public static final EventType<DocumentUpdated> DOCUMENT_UPDATE = candidate(EventTypes.DOCUMENT_UPDATE, DocumentUpdated.class, true);
    public static final EventType<DocumentDeleted> DOCUMENT_DELETED = candidate(EventTypes.DOCUMENT_DELETED, DocumentDeleted.class, true);
    public static final EventType<JobCreated> JOB_CREATED = candidate(EventTypes.JOB_CREATED, JobCreated.class, true);
    public static final EventType<JobUpdated> JOB_UPDATED = candidate(EventTypes.JOB_UPDATED, JobUpdated.class, true);
    public static final EventType<ApplicationCreated> APPLICATION_CREATED =
            candidate(EventTypes.APPLICATION_CREATED, ApplicationCreated.class, true);
    public static final EventType<ApplicationStageChanged> APPLICATION_STAGE_CHANGED =
            candidate(EventTypes.APPLICATION_STAGE_CHANGED, ApplicationStageChanged.class, true);
    public static final EventType<ApplicationRejected> APPLICATION_REJECTED =
            candidate(EventTypes.APPLICATION_REJECTED, ApplicationRejected.class, true);
    // the rest of the hiring workflow travels with the applications and candidates it refers to (one topic, one order)
    public static final EventType<InterviewScheduled> INTERVIEW_SCHEDULED =
            candidate(EventTypes.INTERVIEW_SCHEDULED, InterviewScheduled.class, true);
    public static final EventType<InterviewRescheduled> INTERVIEW_RESCHEDULED =
            candidate(EventTypes.INTERVIEW_RESCHEDULED, InterviewRescheduled.class, true);
    public static final EventType<InterviewCancelled> INTERVIEW_CANCELLED =
            candidate(EventTypes.INTERVIEW_CANCELLED, InterviewCancelled.class, true);
    public static final EventType<ScorecardSubmitted> SCORECARD_SUBMITTED =
            candidate(EventTypes.SCORECARD_SUBMITTED, ScorecardSubmitted.class, true);
    public static final EventType<AssessmentCompleted> ASSESSMENT_COMPLETED =
            candidate(EventTypes.ASSESSMENT_COMPLETED, AssessmentCompleted.class, true);
    public static final EventType<TaskCreated> TASK_CREATED = candidate(EventTypes.TASK_CREATED, TaskCreated.class, true);
    public static final EventType<TaskCompleted> TASK_COMPLETED = candidate(EventTypes.TASK_COMPLETED, TaskCompleted.class, true);
    public static final EventType<MeetingScheduled> MEETING_SCHEDULED =
            candidate(EventTypes.MEETING_SCHEDULED, MeetingScheduled.class, true);
    public static final EventType<MeetingUpdated> MEETING_UPDATED = candidate(EventTypes.MEETING_UPDATED, MeetingUpdated.class, true);
    public static final EventType<MeetingCancelled> MEETING_CANCELLED =
            candidate(EventTypes.MEETING_CANCELLED, MeetingCancelled.class, true);
    public static final EventType<AgentCreated> AGENT_CREATED = candidate(EventTypes.AGENT_CREATED, AgentCreated.class, true);
    public static final EventType<AgentUpdated> AGENT_UPDATED = candidate(EventTypes.AGENT_UPDATED, AgentUpdated.class, true);
    public static final EventType<AgentDeleted> AGENT_DELETED = candidate(EventTypes.AGENT_DELETED, AgentDeleted.class, true);
    public static final EventType<ProspectCreated> PROSPECT_CREATED = candidate(EventTypes.PROSPECT_CREATED, ProspectCreated.class, true);
    public static final EventType<ProspectConverted> PROSPECT_CONVERTED =
            candidate(EventTypes.PROSPECT_CONVERTED, ProspectConverted.class, true);
    public static final EventType<CampaignCreated> CAMPAIGN_CREATED = candidate(EventTypes.CAMPAIGN_CREATED, CampaignCreated.class, true);
    public static final EventType<CampaignUpdated> CAMPAIGN_UPDATED = candidate(EventTypes.CAMPAIGN_UPDATED, CampaignUpdated.class, true);
    public static final EventType<KeyCreated> KEY_CREATED = key(EventTypes.KEY_CREATED, KeyCreated.class, true);
    public static final EventType<KeyRevoked> KEY_REVOKED = key(EventTypes.KEY_REVOKED, KeyRevoked.class, true);
    public static final EventType<KeyExpired> KEY_EXPIRED = key(EventTypes.KEY_EXPIRED, KeyExpired.class, true);
    public static final EventType<KeyInactive> KEY_INACTIVE = key(EventTypes.KEY_INACTIVE, KeyInactive.class, true);
    public static final EventType<PlanChanged> PLAN_CHANGED = key(EventTypes.PLAN_CHANGED, PlanChanged.class, false);
    public static final EventType<MemberRemoved> MEMBER_REMOVED = key(EventTypes.MEMBER_REMOVED, MemberRemoved.class, false);
    public static final EventType<LimitsChanged> LIMITS_CHANGED = key(EventTypes.LIMITS_CHANGED, LimitsChanged.class, false);
    public static final EventType<SearchExecuted> SEARCH_EXECUTE =
            new EventType<>(EventTypes.SEARCH_EXECUTE, Topics.SEARCH_EVENTS, SearchExecuted.class, true);
    public static final EventType<FeedbackSubmitted> FEEDBACK_SUBMIT =
            new EventType<>(EventTypes.FEEDBACK_SUBMIT, Topics.SEARCH_EVENTS, FeedbackSubmitted.class, true);
    /** Never on Kafka: the webhook-service queues it for one endpoint itself. */
    public static final EventType<WebhookTest> WEBHOOK_TEST = new EventType<>(EventTypes.WEBHOOK_TEST, null, WebhookTest.class, true);

    private static final Map<String, EventType<?>> BY_NAME = new LinkedHashMap<>();

    static {
        for (EventType<?> type : List.of(CANDIDATE_CREATED, CANDIDATE_UPDATED, CANDIDATE_DELETED, DOCUMENT_UPLOAD, DOCUMENT_UPDATE,
                DOCUMENT_DELETED, JOB_CREATED, JOB_UPDATED, APPLICATION_CREATED, APPLICATION_STAGE_CHANGED, APPLICATION_REJECTED,
                INTERVIEW_SCHEDULED, INTERVIEW_RESCHEDULED, INTERVIEW_CANCELLED, SCORECARD_SUBMITTED, ASSESSMENT_COMPLETED,
                TASK_CREATED, TASK_COMPLETED, MEETING_SCHEDULED, MEETING_UPDATED, MEETING_CANCELLED, PROSPECT_CREATED, PROSPECT_CONVERTED,
                CAMPAIGN_CREATED, CAMPAIGN_UPDATED, AGENT_CREATED, AGENT_UPDATED, AGENT_DELETED,
                KEY_CREATED, KEY_REVOKED, KEY_EXPIRED, KEY_INACTIVE, PLAN_CHANGED, MEMBER_REMOVED, LIMITS_CHANGED, SEARCH_EXECUTE, FEEDBACK_SUBMIT,
                WEBHOOK_TEST)) {
            BY_NAME.put(type.name(), type);
        }
    }

    private Events() {
    }

    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<EventType<?>> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** An envelope of {@code type} around {@code payload}, stamped now, with a new id. */
    public static <T extends EventPayload> EventEnvelope envelope(ObjectMapper mapper, EventType<T> type, String organizationId, T payload) {
        return EventEnvelope.create(type.name(), organizationId, mapper.valueToTree(payload));
    }

    /** Parses a record's value into its envelope; a value that is not an envelope is an {@link IllegalArgumentException}. */
    public static EventEnvelope parse(ObjectMapper mapper, String value) {
        try {
            EventEnvelope envelope = StrictJson.tolerant(mapper, EventEnvelope.class).readValue(value);
            if (envelope.id() == null || envelope.type() == null) {
                throw new IllegalArgumentException("not an event envelope");
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an event envelope: " + e.getOriginalMessage(), e);
        }
    }

    /** The typed {@code data} of {@code envelope}, which must be of {@code type}. */
    public static <T extends EventPayload> T data(ObjectMapper mapper, EventEnvelope envelope, EventType<T> type) {
        if (!type.name().equals(envelope.type())) {
            throw new IllegalArgumentException("event " + envelope.id() + " is " + envelope.type() + ", not " + type.name());
        }
        try {
            return StrictJson.tolerant(mapper, type.payload()).treeToValue(envelope.data(), type.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + envelope.id() + " has malformed data: " + e.getOriginalMessage(), e);
        }
    }

    /** The typed {@code data} of an envelope of any known type. */
    public static EventPayload data(ObjectMapper mapper, EventEnvelope envelope) {
        EventType<?> type = byName(envelope.type()).orElseThrow(() -> new IllegalArgumentException("unknown event type " + envelope.type()));
        return data(mapper, envelope, type);
    }

    private static <T extends EventPayload> EventType<T> candidate(String name, Class<T> payload, boolean subscribable) {
        return new EventType<>(name, Topics.CANDIDATE_EVENTS, payload, subscribable);
    }

    private static <T extends EventPayload> EventType<T> key(String name, Class<T> payload, boolean subscribable) {
        return new EventType<>(name, Topics.KEY_EVENTS, payload, subscribable);
    }
}
